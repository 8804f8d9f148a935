package dev.touchstone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpServer;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.engine.fixtures.CachedEndpointSpec;
import dev.touchstone.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The engine hands {@code touchstone.cache.dir} from its configuration to endpoint models through
 * the settings, not through a system property.
 */
class ResponseCacheConfigurationTest {

    @TempDir
    Path dir;

    private final AtomicInteger requests = new AtomicInteger();

    /** An Open Inference Protocol server for model "echo": the label of a row is its input text. */
    private HttpServer echoServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                String path = exchange.getRequestURI().getPath();
                String body = "";
                if (path.equals("/v2/models/echo")) {
                    body = "{\"name\":\"echo\",\"inputs\":[],\"outputs\":[]}";
                } else if (path.equals("/v2/models/echo/infer")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> request = (Map<String, Object>) Json.parse(
                            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    Object data = Json.at(request, "/inputs/0/data");
                    List<String> labels = ((List<?>) data).stream().map(o -> Json.quote((String) o)).toList();
                    body = "{\"outputs\":[{\"name\":\"label\",\"shape\":[" + labels.size() + "],\"datatype\":\"BYTES\","
                            + "\"data\":" + labels + "}]}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.start();
        return server;
    }

    private EngineTestKit.Builder kit(Path cache) {
        return EngineTestKit.engine(new TouchstoneTestEngine())
                .selectors(selectClass(CachedEndpointSpec.class))
                .configurationParameter("touchstone.results.dir", dir.resolve("results").toString())
                .configurationParameter(ConfigKeys.CACHE_DIR, cache.toString());
    }

    @Test
    void the_cache_directory_of_the_engine_configuration_reaches_the_endpoint_model() throws Exception {
        Path cache = dir.resolve("cache");
        String previous = System.getProperty(ConfigKeys.CACHE_DIR);
        System.clearProperty(ConfigKeys.CACHE_DIR);
        HttpServer server = echoServer();
        System.setProperty("cached.spec.url", "http://127.0.0.1:" + server.getAddress().getPort());
        try {
            kit(cache).execute().testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
            // health, metadata and ceil(300 / 32) = 10 inference requests, each cached
            assertThat(requests).hasValue(12);
            assertThat(files(cache)).hasSize(12);
            assertThat(System.getProperty(ConfigKeys.CACHE_DIR)).as("no system property side channel").isNull();

            // with the server gone, a second run is answered from the cache alone
            server.stop(0);
            kit(cache).execute().testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
            assertThat(requests).hasValue(12);
        } finally {
            server.stop(0);
            System.clearProperty("cached.spec.url");
            if (previous != null) {
                System.setProperty(ConfigKeys.CACHE_DIR, previous);
            }
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
