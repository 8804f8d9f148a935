package dev.touchstone.baseline;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which check a statement belongs to: with the slice and metric, the key of its baseline
 * entries. The engine names each check after its spec class and method.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CheckId(String spec, String check) {

    public CheckId {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(check, "check");
    }
}
