package dev.touchstone.engine;

import dev.touchstone.config.ConfigKeys;
import org.apiguardian.api.API;

/**
 * The engine's ID. The configuration keys the engine reads (from {@code junit-platform.properties},
 * Surefire/Failsafe {@code configurationParameters} or system properties), with their allowed
 * values and defaults, are declared once, on {@link ConfigKeys}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Constants {

    /** The engine ID: in unique IDs ({@code [engine:touchstone]}) and Surefire's {@code includeJUnit5Engines}. */
    public static final String ENGINE_ID = "touchstone";

    private Constants() {
    }
}
