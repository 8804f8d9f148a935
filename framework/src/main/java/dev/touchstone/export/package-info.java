/**
 * Export of a run's results to a monitoring stack: the Prometheus text exposition
 * ({@code metrics.prom}), a push to a Prometheus Pushgateway, and one JSON line per result for
 * log pipelines. Everything is derived from the results file, so a run exports exactly what it
 * recorded.
 */
package dev.touchstone.export;
