/**
 * The one wording layer: how a statement's evidence ({@link dev.touchstone.result.Evidence}, the
 * facts of a results entry) is written in every output, the thrown error, the engine's console,
 * the gate's table and summary and the report, with the same digits ({@link
 * dev.touchstone.wording.Digits}) and the same words ({@link dev.touchstone.wording.Wording}).
 */
package dev.touchstone.wording;
