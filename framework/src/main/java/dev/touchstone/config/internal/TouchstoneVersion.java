package dev.touchstone.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apiguardian.api.API;

/** Touchstone's version, as results files and baselines record it. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TouchstoneVersion {

    private static final String VERSION = read();

    private TouchstoneVersion() {
    }

    /** The version of the framework on the classpath, or {@code unknown} when it was not packaged. */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = TouchstoneVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
