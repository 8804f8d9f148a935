/**
 * What the statements of one check share while they run: the settings, which check it is,
 * where judged results go, whether failures throw or are collected, and the baselines read so
 * far. The engine opens a scope per check; a plain JUnit test can open its own.
 */
package dev.touchstone.scope;
