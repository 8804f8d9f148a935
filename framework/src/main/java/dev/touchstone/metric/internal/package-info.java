/**
 * Internal: the evaluation core (outcomes, slices to rows, metrics from sufficient statistics). Not a supported API; may change without notice.
 */
package dev.touchstone.metric.internal;
