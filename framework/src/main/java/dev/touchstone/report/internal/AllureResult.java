package dev.touchstone.report.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One test result in Allure 2's format ({@code <uuid>-result.json}): what Allure shows as a
 * test. Attachments carry their content; the writer gives each a file ({@code source}).
 *
 * @param historyId      stable across runs for the same check, slice, metric and expectation:
 *                       Allure's history and trend follow it
 * @param message        the status message (a headline), or null for a passed result
 * @param trace          the status trace (the full evidence), or null
 * @param descriptionHtml shown at the top of the test's page, without expanding anything
 * @param steps          sub-results, each with its own parameters and attachments
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public record AllureResult(String uuid, String historyId, String name, String fullName, Status status,
        @Nullable String message, @Nullable String trace, long start, long stop, List<Label> labels,
        List<Parameter> parameters, List<Attachment> attachments, List<AllureResult> steps,
        @Nullable String descriptionHtml) {

    public AllureResult {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        labels = List.copyOf(labels);
        parameters = List.copyOf(parameters);
        attachments = List.copyOf(attachments);
        steps = List.copyOf(steps);
    }

    /** Allure's statuses, written in lower case. */
    public enum Status {
        PASSED, FAILED, BROKEN, SKIPPED;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code {"name", "value"}}: suites, feature, story, severity, ... */
    public record Label(String name, String value) {
    }

    /** {@code {"name", "value"}}, shown in the test's parameter table. */
    public record Parameter(String name, String value) {
    }

    /**
     * An attachment's name, MIME type, file extension (with the dot) and content. Equal
     * attachments (a statement's chart, shared by its slices) are written once.
     */
    public record Attachment(String name, String type, String extension, String content) {
    }

    /** The values of the labels with this name, in order. */
    public List<String> labels(String labelName) {
        return labels.stream().filter(l -> l.name().equals(labelName)).map(Label::value).toList();
    }

    /** This result with other steps, and no labels of its own (a step has none). */
    public AllureResult asStep() {
        return new AllureResult(uuid, historyId, name, fullName, status, message, trace, start, stop, List.of(),
                parameters, attachments, steps, descriptionHtml);
    }
}
