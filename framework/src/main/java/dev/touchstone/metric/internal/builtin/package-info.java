/**
 * Internal: the built-in metrics, each defined once — its result name, direction, range, the
 * data it needs, its value as a function of a sufficient statistic, when and why that value is
 * only a convention, its interval and what paired comparisons resample. Pure functions of
 * counts and arrays: the evaluation machinery in {@code metric.internal} feeds them. Not a
 * supported API; may change without notice.
 */
package dev.touchstone.metric.internal.builtin;
