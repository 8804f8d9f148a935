/**
 * The fluent quality DSL: ModelAssert, SliceAssert, MetricAssert and the verdict rules.
 */
package dev.touchstone.assertion;
