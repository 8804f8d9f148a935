package dev.touchstone.config;

import org.apiguardian.api.API;

/** How p-values of a family of comparisons are adjusted ({@code touchstone.multiplicity}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum MultiplicityCorrection {
    /** Holm's step-down: controls the family-wise error rate, uniformly better than Bonferroni. */
    HOLM,
    /** Bonferroni: controls the family-wise error rate. */
    BONFERRONI,
    /** Benjamini–Hochberg: controls the false discovery rate. */
    BH,
    /** No adjustment. */
    NONE
}
