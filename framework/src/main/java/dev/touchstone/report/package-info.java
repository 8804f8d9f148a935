/**
 * Self-contained evidence for Allure attachments and reports: an HTML table of slice results
 * ({@link dev.touchstone.report.EvidenceHtml}), an HTML confusion matrix
 * ({@link dev.touchstone.report.ConfusionMatrixHtml}) and an SVG chart of a metric across slices
 * ({@link dev.touchstone.report.SliceChartSvg}).
 *
 * <p>Every document is a single string with no scripts and no external resources, written as
 * well-formed XML (the HTML is XHTML-compatible), so it can be attached, embedded, served or
 * parsed as it is. Every text that comes from data (model, dataset, slice and class names,
 * reasons, messages) is escaped.
 */
package dev.touchstone.report;
