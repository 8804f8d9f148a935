/**
 * Internal: the one JSON tree reader (maps, lists, strings, numbers, booleans and
 * {@link dev.touchstone.internal.json.Json#NULL}) behind results files, baseline files and
 * endpoint responses, with JSON Pointers and string escaping. Not a supported API; may change
 * without notice.
 */
package dev.touchstone.internal.json;
