package dev.touchstone.gate;

import dev.touchstone.result.CheckEntry;
import java.util.Objects;
import java.util.Optional;
import dev.touchstone.internal.text.Printable;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One reason the gate does not pass, with its one-line message in the gate template.
 *
 * @param kind    what was violated
 * @param entry   the results entry at fault, if one is
 * @param message  one line: {@code Rule violated by DetectorQualityTest.recallOnEveryCamera for slice camera=side: recall is 0.871, but expected minimum is 0.900 (...)}
 * @param expected for a rule's violation, its limit as the entry's row shows it ({@code rule: minimum is 0.900}); else null
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Violation(Kind kind, @Nullable CheckEntry entry, String message, @Nullable String expected) {

    /** A violation that is not a rule's. */
    public Violation(Kind kind, @Nullable CheckEntry entry, String message) {
        this(kind, entry, message, null);
    }

    /** What was violated. */
    public enum Kind {
        /** A check's verdict is FAILED. */
        FAILED_CHECK("failed check", "failed checks"),
        /** A check could not be evaluated (verdict ERROR); never tolerated. */
        CHECK_ERROR("check error", "check errors"),
        /** A check is INCONCLUSIVE under the fail policy. */
        INCONCLUSIVE_CHECK("inconclusive check", "inconclusive checks"),
        /** A limit of a POM rule is not met on a slice. */
        RULE("rule violation", "rule violations"),
        /** A limit of a POM rule matched no result: it cannot be verified. */
        RULE_UNMATCHED("unmatched rule", "unmatched rules"),
        /** More INCONCLUSIVE results than {@code maxInconclusive} allows. */
        TOO_MANY_INCONCLUSIVE("inconclusive limit", "inconclusive limits");

        private final String one;
        private final String many;

        Kind(String one, String many) {
            this.one = one;
            this.many = many;
        }

        /** "1 failed check", "2 rule violations". */
        public String count(long n) {
            return Numbers.plural(n, one, many);
        }
    }

    public Violation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        message = Printable.escape(message); // one line, whatever the results file held
    }

    public Optional<CheckEntry> checkEntry() {
        return Optional.ofNullable(entry);
    }
}
