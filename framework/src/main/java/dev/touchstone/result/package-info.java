/**
 * Judged results: verdicts, expectations and per-slice evidence.
 */
package dev.touchstone.result;
