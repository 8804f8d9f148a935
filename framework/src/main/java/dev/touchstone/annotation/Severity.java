package dev.touchstone.annotation;

import java.util.Locale;
import org.apiguardian.api.API;

/** How much a failing check matters; shown as Allure's severity label. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Severity {
    BLOCKER, CRITICAL, NORMAL, MINOR, TRIVIAL;

    /** The label value Allure expects: {@code critical}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
