package dev.touchstone.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.config.ConfigKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Maven passes {@code -D} properties on to the test JVM, where the engine warns about unknown
 * {@code touchstone.*} keys (issue 12, item 13): every property of the plugin's goals must be one
 * the engine knows, or {@code -Dtouchstone.haltOnFailure=false} would draw a false warning.
 */
class PluginKeysAreKnownTest {

    @Test
    void every_goal_property_is_a_known_key() throws Exception {
        String descriptor = Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"), StandardCharsets.UTF_8);
        Set<String> properties = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{(touchstone\\.[^}]+)}").matcher(descriptor);
        while (m.find()) {
            properties.add(m.group(1));
        }

        assertThat(properties).contains("touchstone.skip", "touchstone.haltOnFailure", "touchstone.results.dir");
        assertThat(ConfigKeys.known()).containsAll(properties);
    }
}
