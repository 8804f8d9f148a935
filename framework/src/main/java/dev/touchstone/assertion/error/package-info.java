/**
 * The errors quality statements throw and the one message template they use.
 */
package dev.touchstone.assertion.error;
