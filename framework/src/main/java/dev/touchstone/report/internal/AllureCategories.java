package dev.touchstone.report.internal;

import dev.touchstone.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Allure's {@code categories.json} for a run: failures and inconclusive results grouped by verdict
 * and metric ("Quality failures: recall", "Inconclusive: roc_auc"), errors on their own, instead of
 * Allure's "Product defects" with one group per message. Categories match the first line of a
 * result's trace, which {@link AllureCases} writes; for results that Allure's own JUnit Platform
 * listener wrote, they match the exception's class.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class AllureCategories {

    /** How every trace of a Touchstone result begins: {@code Touchstone verdict FAILED · metric recall · ...}. */
    public static final String TAG = "Touchstone verdict ";

    private static final String ERRORS = "dev.touchstone.assertion.error.";

    /**
     * A category.
     *
     * @param statuses   the Allure statuses it takes ({@code failed}, {@code broken}, {@code skipped})
     * @param traceRegex a regular expression the whole trace must match
     */
    public record Category(String name, String description, List<String> statuses, String traceRegex) {
    }

    private AllureCategories() {
    }

    /**
     * @param failedMetrics       the metrics of the run's FAILED results, in order
     * @param inconclusiveMetrics the metrics of its INCONCLUSIVE results, in order
     */
    public static List<Category> of(Set<String> failedMetrics, Set<String> inconclusiveMetrics) {
        List<Category> categories = new ArrayList<>();
        for (String metric : failedMetrics) {
            categories.add(new Category("Quality failures: " + metric,
                    "The evidence contradicts the expectation on " + metric + " (FAILED).", List.of("failed"),
                    "(?s)" + Pattern.quote(TAG + Verdict.FAILED.name() + " \u00b7 metric " + metric + " \u00b7") + ".*"));
        }
        for (String metric : inconclusiveMetrics) {
            categories.add(new Category("Inconclusive: " + metric,
                    "The data cannot decide " + metric + " either way (INCONCLUSIVE): more examples, or a defined metric,"
                            + " would.", List.of("broken", "skipped", "failed"),
                    "(?s)" + Pattern.quote(TAG + Verdict.INCONCLUSIVE.name() + " \u00b7 metric " + metric + " \u00b7")
                            + ".*"));
        }
        categories.add(new Category("Errors", "A check could not be evaluated: a broken setup, missing data or baseline.",
                List.of("broken", "failed"), "(?s)" + Pattern.quote(TAG + Verdict.ERROR.name()) + ".*"));
        categories.add(new Category("Quality failures: assertions of the spec",
                "An assertion of the spec's own code failed.", List.of("failed"),
                "(?s)" + Pattern.quote(TAG + Verdict.FAILED.name() + " \u00b7 check ") + ".*"));
        // results written by allure-junit-platform: only the exception tells the verdict
        categories.add(new Category("Inconclusive", "The data cannot decide either way (INCONCLUSIVE).",
                List.of("failed", "broken", "skipped"), "(?s)" + Pattern.quote(ERRORS + "InconclusiveQualityError") + ".*"));
        categories.add(new Category("Quality failures", "The evidence contradicts an expectation (FAILED).",
                List.of("failed"), "(?s)" + Pattern.quote(ERRORS + "QualityAssertionError") + ".*"));
        return categories;
    }

    /** Whether a category of {@code categories.json} is one of Touchstone's (so a new run replaces it). */
    static boolean isOurs(String traceRegex) {
        return traceRegex != null && (traceRegex.contains(TAG) || traceRegex.contains(ERRORS));
    }
}
