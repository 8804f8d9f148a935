/**
 * Internal: the grammar of numbers in data files, shared by the readers and {@code Table}, the
 * one escaping of untrusted text in human-facing output, and the short escaped excerpts of file
 * text that error messages may show. Not a supported API; may change without notice.
 */
package dev.touchstone.internal.text;
