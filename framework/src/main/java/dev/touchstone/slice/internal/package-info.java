/**
 * Internal: how the evaluation turns a slice into rows, kept off {@code Slice}'s public API.
 * Not a supported API; may change without notice.
 */
package dev.touchstone.slice.internal;
