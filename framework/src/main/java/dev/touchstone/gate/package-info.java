/**
 * The quality gate of a whole run, as the Maven {@code check} goal applies it: verdicts of the
 * results file under an inconclusive policy, rules a team writes in the POM ({@link Rule},
 * {@link Limit}, thresholds written {@code 0.9} or {@code 90%}), allowed violations, and the
 * renderings of the outcome (one message template, a console table, a Markdown summary).
 * Plain Java: no Maven types, so every rule is unit-tested here.
 */
package dev.touchstone.gate;
