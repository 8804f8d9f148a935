/**
 * The HTTP client behind endpoint models ({@code Model.openInference}, {@code Model.http}, ...):
 * bounded concurrency, whole-response timeouts, retries with backoff and jitter, a circuit
 * breaker, an optional on-disk response cache, and credentials
 * ({@link dev.touchstone.config.Secret}) that never appear in any text. It knows HTTP and
 * JSON, not models: what a request means and how a response becomes predictions is the adapters'
 * business, in {@code dev.touchstone.model}.
 */
package dev.touchstone.model.endpoint;
