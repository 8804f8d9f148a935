/**
 * Slice definitions: conditions on columns combined with and, or, not.
 */
package dev.touchstone.slice;
