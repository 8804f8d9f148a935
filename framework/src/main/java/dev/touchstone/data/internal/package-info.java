/**
 * Internal: file readers and table building. Not a supported API; may change without notice.
 */
package dev.touchstone.data.internal;
