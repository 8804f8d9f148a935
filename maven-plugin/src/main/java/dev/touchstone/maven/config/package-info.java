/**
 * The plugin's configuration: the XML beans of {@code <rules>} and the one converter from Mojo
 * fields to the framework's options ({@link dev.touchstone.gate.GateOptions} and friends).
 */
package dev.touchstone.maven.config;
