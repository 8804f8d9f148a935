/**
 * Touchstone datasets whose rows are in Apache Spark.
 */
package dev.touchstone.spark;
