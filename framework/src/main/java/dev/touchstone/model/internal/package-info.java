/**
 * Internal: what the evaluation needs of a model (its predictions on a dataset, the outcomes of
 * its endpoint calls, its run-scoped memo), kept off {@code Model}'s public API. Not a supported
 * API; may change without notice.
 */
package dev.touchstone.model.internal;
