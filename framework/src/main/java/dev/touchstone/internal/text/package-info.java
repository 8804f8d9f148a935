/**
 * Internal: the grammar of numbers in data files, shared by the readers and {@code Table}, and the
 * one escaping of untrusted text in human-facing output. Not a supported API; may change without
 * notice.
 */
package dev.touchstone.internal.text;
