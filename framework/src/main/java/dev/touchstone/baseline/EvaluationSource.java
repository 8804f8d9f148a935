package dev.touchstone.baseline;

import java.io.IOException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The model × dataset evaluation behind a statement, as far as recording a baseline needs it:
 * names, the data's fingerprint, and the per-example outcomes. Statements on one evaluation hand
 * over the same instance, so that its outcomes are written once.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface EvaluationSource {

    String model();

    String dataset();

    /** Number of examples. */
    int size();

    /** SHA-256 over the examples' ids and labels: equal fingerprints mean the same examples. */
    String fingerprint();

    /** Writes the per-example outcomes (see {@code RecordedOutcomes}). */
    void writeOutcomes(Path file) throws IOException;
}
