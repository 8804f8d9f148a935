/**
 * The HTTP client behind endpoint models ({@code Model.openInference}, {@code Model.http}): bounded
 * concurrency, per-request timeouts, retries with backoff and jitter, a circuit breaker, and
 * credentials ({@link dev.touchstone.model.endpoint.Secret}) that never appear in any text.
 */
package dev.touchstone.model.endpoint;
