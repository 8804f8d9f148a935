package dev.touchstone.config;

import org.apiguardian.api.API;

/** Which McNemar test paired proportions use ({@code touchstone.test.mcnemar}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum McNemarVariant {
    /** The exact binomial test on the discordant pairs (default). */
    EXACT,
    /** The chi-square test with continuity correction. */
    CHI_SQUARE
}
