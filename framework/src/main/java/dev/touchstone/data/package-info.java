/**
 * Datasets: columnar, dictionary-encoded tables with column roles and named slices.
 */
package dev.touchstone.data;
