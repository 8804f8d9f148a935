package dev.touchstone.config;

import org.apiguardian.api.API;

/** What an INCONCLUSIVE verdict does to the test: fail it (default) or report it as aborted. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum InconclusivePolicy {
    FAIL, SKIP
}
