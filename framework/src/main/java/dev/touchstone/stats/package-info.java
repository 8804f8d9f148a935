/**
 * Statistics: confidence intervals, DeLong, bootstrap, samplers. The only package that uses Commons Statistics and Commons RNG.
 */
package dev.touchstone.stats;

