/**
 * Internal: Spark as an engine of the pushdown. Not a supported API; may change without notice.
 */
package dev.touchstone.spark.internal;
