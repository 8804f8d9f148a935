package dev.touchstone.config.internal;

import dev.touchstone.config.ConfigKeys;
import dev.touchstone.config.TouchstoneSettings;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The settings in force on this thread, for code that runs below the quality scope without being
 * handed them (a data file read on first use needs the record limit). {@code QualityScope}
 * installs itself as the source when it is loaded; before that (or outside any scope) the
 * settings come from system properties, as a standalone scope's do.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class CurrentSettings {

    private static final System.Logger LOG = System.getLogger(CurrentSettings.class.getName());
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static volatile Supplier<TouchstoneSettings> source;

    private CurrentSettings() {
    }

    /** Called by {@code QualityScope}'s static initialiser; later calls are ignored. */
    public static synchronized void install(Supplier<TouchstoneSettings> current) {
        if (source == null) {
            source = current;
        }
    }

    public static TouchstoneSettings get() {
        Supplier<TouchstoneSettings> current = source;
        return current != null ? current.get() : fromSystemProperties();
    }

    /**
     * Settings from system properties (a plain JUnit test); unknown {@code touchstone.*} system
     * properties are reported once per JVM, as warnings of {@link System.Logger}.
     */
    public static TouchstoneSettings fromSystemProperties() {
        List<String> warnings = ConfigParser.unknownKeys(System.getProperties().stringPropertyNames(),
                ConfigKeys.known());
        for (String warning : warnings) {
            if (WARNED.add(warning)) {
                LOG.log(System.Logger.Level.WARNING, "touchstone: " + warning);
            }
        }
        return TouchstoneSettings.from(System::getProperty);
    }
}
