/**
 * Metric values and the interface for user-defined metrics.
 */
package dev.touchstone.metric;
