/**
 * Internal: Touchstone's results in Allure 2's result format, written by the engine without
 * Allure's own libraries ({@link dev.touchstone.report.internal.AllureResult},
 * {@link dev.touchstone.report.internal.AllureCases},
 * {@link dev.touchstone.report.internal.AllureResultsDirectory}), the files Allure reads beside
 * them (categories, environment, executor), and the metric history behind the per-check trend
 * charts of the Maven plugin's {@code report} goal ({@link dev.touchstone.report.internal.MetricHistory}).
 * Not a supported API; may change without notice.
 */
package dev.touchstone.report.internal;
