/**
 * The entry point {@link dev.touchstone.Touchstone} and the exception for setup mistakes.
 */
package dev.touchstone;
