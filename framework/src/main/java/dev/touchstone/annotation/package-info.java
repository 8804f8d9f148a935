/**
 * Annotations that mark quality specs and checks for the touchstone engine.
 */
package dev.touchstone.annotation;
