package dev.touchstone.model.endpoint.internal;

import dev.touchstone.internal.io.AtomicFiles;
import dev.touchstone.internal.json.JsonFormatException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An optional on-disk cache of successful endpoint responses, so that a re-run of unchanged specs
 * does not call the endpoint again. Its directory is the setting {@code touchstone.cache.dir}
 * ({@code TouchstoneSettings.responseCache()}), handed to the client by the model that runs;
 * unset: no cache.
 *
 * <p><b>Key.</b> The SHA-256 of the HTTP method, the request URL without credentials (scheme,
 * host, port, path and query; never user info or fragment) and the request body. Every protocol
 * names the model there: Open Inference and TF Serving in the path
 * ({@code /v2/models/{name}/versions/{v}}), OpenAI-compatible servers in the body
 * ({@code "model"}), so model name and version are part of the key. Header values, and so
 * credentials, never enter the key or the file.
 *
 * <p><b>What is cached.</b> Only a 2xx response whose body the call's parser accepted; failures
 * of any kind (4xx, 5xx, timeouts, unreadable bodies) never. A body that contains one of the
 * client's secrets in any form the scrubber knows (a server that echoes the {@code Authorization}
 * header, JSON-escaped, URL- or base64-encoded, or in part) is not cached either, and such an
 * entry found on disk is deleted, not used.
 * A hit is parsed again by the current parser; it keeps the latency measured when it was stored.
 *
 * <p><b>Files.</b> One per key, at {@code <dir>/<k0k1>/<k2k3>/<key>.response}, written to a
 * temporary file in the same directory and then moved into place (atomically where the file
 * system allows), so a reader never sees half an entry. A file starts with a small text header
 * ({@code url}, {@code method}, {@code created-at}, {@code latency-nanos}, the body's length and
 * SHA-256), then a blank line, then the body. An entry that cannot be read (truncated, edited,
 * another format, rejected by the parser) is treated as a miss and overwritten by the next
 * successful response; the first such entry under a directory is reported once, through
 * {@link System.Logger}, never as an error. A cache that cannot be written only costs requests.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class ResponseCache {

    static final String MAGIC = "touchstone-response-cache 1";
    private static final String SUFFIX = ".response";
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final System.Logger LOG = System.getLogger(ResponseCache.class.getName());
    private static volatile Consumer<String> warnings = message -> LOG.log(System.Logger.Level.WARNING, message);

    private final Path directory;

    /** A cache under {@code directory} (resolved against the working directory when relative). */
    public ResponseCache(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** Where warnings go (System.Logger by default); for tests. Returns the previous sink. */
    static Consumer<String> redirectWarnings(Consumer<String> sink) {
        Consumer<String> previous = warnings;
        warnings = sink;
        return previous;
    }

    /** The key of a request: lower-case hex SHA-256 of method, URL without credentials, and body. */
    public static String key(String method, URI uri, @Nullable String body) {
        MessageDigest sha = sha256();
        field(sha, MAGIC);
        field(sha, method.toUpperCase(Locale.ROOT));
        field(sha, keyUrl(uri));
        if (body == null) {
            sha.update(ByteBuffer.allocate(4).putInt(-1).array());
        } else {
            field(sha, body);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The URL as the key sees it: no user info and no fragment; scheme and host in lower case. */
    static String keyUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return scheme + "://" + host + port + path + query;
    }

    /** The file of {@code key}: two levels of fan-out by the key's first four hex digits. */
    public Path file(String key) {
        return directory.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key + SUFFIX);
    }

    /**
     * Looks {@code call} up. The result either holds the cached outcome, or a call to send
     * instead of {@code call} (the same request, with a parser that remembers the body it
     * accepted) and {@link Lookup#store} to call once that call succeeded.
     *
     * @param scrub       the client's scrubber, for the messages about corrupt entries
     * @param holdsSecret whether a body holds a secret in any form: such a body is never stored,
     *                    and a stored one (from an earlier version) is dropped, not used
     */
    public <T> Lookup<T> lookup(Call<T> call, UnaryOperator<String> scrub, Predicate<String> holdsSecret) {
        String method = call.body() == null ? "GET" : "POST";
        String key = key(method, call.uri(), call.body());
        Path file = file(key);
        Entry entry = read(file, key);
        if (entry != null && holdsSecret.test(entry.body())) {
            delete(file);
            entry = null;
        }
        if (entry != null) {
            try {
                T value = call.parser().parse(entry.body());
                if (value != null) {
                    return new Lookup<>(this, call, key, method, Outcome.success(value).withLatency(entry.latencyNanos()),
                            holdsSecret);
                }
            } catch (ResponseFormatException | JsonFormatException | RuntimeException e) {
                corrupt(file, "the cached body is not a valid response: " + scrub.apply(String.valueOf(e.getMessage())));
            }
        }
        return new Lookup<>(this, call, key, method, null, holdsSecret);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be cleaned only costs a request: the entry is not used either way
        }
    }

    /** A looked-up call: a hit, or what to send and how to store its response. */
    public static final class Lookup<T> {
        private final ResponseCache cache;
        private final Call<T> call;
        private final String key;
        private final String method;
        private final @Nullable Outcome<T> hit;
        private final Predicate<String> holdsSecret;
        private volatile @Nullable String accepted;

        private Lookup(ResponseCache cache, Call<T> original, String key, String method, @Nullable Outcome<T> hit,
                Predicate<String> holdsSecret) {
            this.cache = cache;
            this.key = key;
            this.method = method;
            this.hit = hit;
            this.holdsSecret = holdsSecret;
            this.call = new Call<>(original.uri(), original.body(), original.examples(), body -> {
                T value = original.parser().parse(body);
                accepted = body;
                return value;
            });
        }

        /** The cached outcome (with the latency measured when it was stored), or null on a miss. */
        public @Nullable Outcome<T> hit() {
            return hit;
        }

        /** The call to send on a miss: {@code call} with a parser that remembers the accepted body. */
        public Call<T> call() {
            return call;
        }

        /**
         * Stores the body the parser of {@link #call()} last accepted (a 2xx response, parsed),
         * unless it holds a secret in any form (escaped, encoded, in part); does nothing when no
         * body was accepted.
         */
        public void store(long latencyNanos) {
            String body = accepted;
            if (body == null || holdsSecret.test(body)) {
                return;
            }
            cache.write(key, method, call.uri(), body, latencyNanos);
        }
    }

    // ---- the file format ----------------------------------------------------------------------

    private void write(String key, String method, URI uri, String body, long latencyNanos) {
        Path file = file(key);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder(256);
        header.append(MAGIC).append('\n')
                .append("key: ").append(key).append('\n')
                .append("url: ").append(EndpointUrl.safe(uri)).append('\n')
                .append("method: ").append(method).append('\n')
                .append("created-at: ").append(Instant.now()).append('\n')
                .append("latency-nanos: ").append(Math.max(0, latencyNanos)).append('\n')
                .append("body-bytes: ").append(bytes.length).append('\n')
                .append("body-sha256: ").append(HexFormat.of().formatHex(sha256().digest(bytes))).append('\n')
                .append('\n');
        byte[] head = header.toString().getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, out -> {
                out.write(head);
                out.write(bytes);
            });
        } catch (IOException | RuntimeException e) {
            warnOnce("write", "cannot write to the endpoint response cache " + directory + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); responses are not cached");
        }
    }

    /** A stored response: its body and the latency measured when it was received. */
    private record Entry(String body, long latencyNanos) {
    }

    /** The entry in {@code file}, or null when there is none or it cannot be used. */
    private @Nullable Entry read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            corrupt(file, "unreadable: " + e.getClass().getSimpleName());
            return null;
        }
        int end = headerEnd(all);
        if (end < 0) {
            corrupt(file, "no header");
            return null;
        }
        Map<String, String> header = header(new String(all, 0, end, StandardCharsets.UTF_8));
        if (header == null) {
            corrupt(file, "not a " + MAGIC + " entry");
            return null;
        }
        if (!key.equals(header.get("key"))) {
            corrupt(file, "it holds another key");
            return null;
        }
        int start = end + 2;
        long length;
        try {
            length = Long.parseLong(header.getOrDefault("body-bytes", ""));
        } catch (NumberFormatException e) {
            corrupt(file, "no body length");
            return null;
        }
        if (length != all.length - start) {
            corrupt(file, "the body has " + (all.length - start) + " bytes, the header says " + length);
            return null;
        }
        MessageDigest sha = sha256();
        sha.update(all, start, all.length - start);
        if (!HexFormat.of().formatHex(sha.digest()).equals(header.get("body-sha256"))) {
            corrupt(file, "the body does not match its checksum");
            return null;
        }
        long latency;
        try {
            latency = Long.parseLong(header.getOrDefault("latency-nanos", ""));
        } catch (NumberFormatException e) {
            corrupt(file, "no latency");
            return null;
        }
        if (latency < 0) {
            corrupt(file, "a negative latency");
            return null;
        }
        return new Entry(new String(all, start, all.length - start, StandardCharsets.UTF_8), latency);
    }

    /** Index of the blank line ending the header ("\n\n"), or -1. */
    private static int headerEnd(byte[] all) {
        for (int i = 0; i + 1 < all.length; i++) {
            if (all[i] == '\n' && all[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static @Nullable Map<String, String> header(String text) {
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals(MAGIC)) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon <= 0) {
                return null;
            }
            fields.put(lines[i].substring(0, colon), lines[i].substring(colon + 2));
        }
        return fields;
    }

    private void corrupt(Path file, String reason) {
        warnOnce("corrupt", "ignoring a corrupt entry of the endpoint response cache: " + file + " (" + reason
                + "); the endpoint is called and the entry rewritten. Further corrupt entries under " + directory
                + " are recovered without a message");
    }

    /** Reports the first problem of each kind under this cache's directory, once per JVM. */
    private void warnOnce(String kind, String message) {
        if (WARNED.add(kind + " " + directory)) {
            warnings.accept("touchstone: " + message);
        }
    }

    private static void field(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "ResponseCache[" + directory + "]";
    }
}
