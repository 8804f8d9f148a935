/**
 * The goals of {@code touchstone-maven-plugin} (prefix {@code touchstone}): {@code check}, the
 * quality gate bound to {@code verify}; {@code baseline}, which promotes the last run to the
 * committed baseline; {@code report}, which renders the Allure HTML report. The Mojos only adapt:
 * the logic lives in the framework ({@code dev.touchstone.gate}, {@code dev.touchstone.baseline}).
 */
package dev.touchstone.maven;
