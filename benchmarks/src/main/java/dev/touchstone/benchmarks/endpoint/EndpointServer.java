package dev.touchstone.benchmarks.endpoint;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A minimal Open Inference Protocol v2 REST server for the live-endpoint throughput benchmark,
 * on the JDK's {@code com.sun.net.httpserver}, bound to 127.0.0.1 only. It serves one model,
 * {@code echo}: input {@code text} (BYTES), output {@code label} (BYTES), the first character of
 * each text. Every inference request costs a fixed service time (a busy-free wait, standing for
 * a model) plus the parsing and writing of its JSON, so the same body costs the same whoever
 * sends it.
 *
 * <pre>
 *   java -cp CP dev.touchstone.benchmarks.endpoint.EndpointServer [port|0] [serviceMicros] [threads]
 * </pre>
 *
 * Prints {@code listening on http://127.0.0.1:PORT} once bound; on exit (SIGTERM) prints the
 * number of inference requests and examples it answered.
 */
public final class EndpointServer {

    private static final byte[] METADATA = ("{\"name\":\"echo\",\"versions\":[\"1\"],\"platform\":\"touchstone-bench\","
            + "\"inputs\":[{\"name\":\"text\",\"datatype\":\"BYTES\",\"shape\":[-1]}],"
            + "\"outputs\":[{\"name\":\"label\",\"datatype\":\"BYTES\",\"shape\":[-1]}]}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] READY = "{\"ready\":true}".getBytes(StandardCharsets.UTF_8);

    private final long serviceNanos;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong examples = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    private EndpointServer(long serviceNanos) {
        this.serviceNanos = serviceNanos;
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        long serviceMicros = args.length > 1 ? Long.parseLong(args[1]) : 2_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        // without TCP_NODELAY the JDK server's separate writes of headers and body meet the
        // client's delayed ACK: about 40 ms per request on Linux, whatever the client
        System.setProperty("sun.net.httpserver.nodelay", "true");
        EndpointServer handler = new EndpointServer(serviceMicros * 1_000);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/", handler::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            pool.shutdownNow();
            System.out.printf("served %d inference requests, %d examples, %d errors%n", handler.requests.get(),
                    handler.examples.get(), handler.errors.get());
            System.out.flush();
        }));
        System.out.printf("listening on http://127.0.0.1:%d (service time %d us, %d threads)%n",
                server.getAddress().getPort(), serviceMicros, threads);
        System.out.flush();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if ("GET".equals(method) && ("/v2/health/ready".equals(path) || "/v2/health/live".equals(path))) {
                send(exchange, 200, READY);
            } else if ("GET".equals(method) && ("/v2/models/echo".equals(path) || "/v2/models/echo/ready".equals(path))) {
                send(exchange, 200, METADATA);
            } else if ("POST".equals(method) && "/v2/models/echo/infer".equals(path)) {
                infer(exchange, new String(body, StandardCharsets.UTF_8));
            } else {
                send(exchange, 404, ("{\"error\":\"no route " + method + " " + path.replace("\"", "") + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void infer(HttpExchange exchange, String request) throws IOException {
        List<String> texts;
        try {
            texts = texts(request);
        } catch (IllegalArgumentException e) {
            errors.incrementAndGet();
            send(exchange, 400, ("{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        // the model: a fixed service time per request, whatever the batch
        long until = System.nanoTime() + serviceNanos;
        for (long left = serviceNanos; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        StringBuilder json = new StringBuilder(96 + texts.size() * 6);
        json.append("{\"model_name\":\"echo\",\"model_version\":\"1\",\"outputs\":[{\"name\":\"label\",\"datatype\":\"BYTES\",")
                .append("\"shape\":[").append(texts.size()).append("],\"data\":[");
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String label = text.isEmpty() ? "" : text.substring(0, Character.charCount(text.codePointAt(0)));
            quote(i == 0 ? json : json.append(','), label);
        }
        json.append("]}]}");
        requests.incrementAndGet();
        examples.addAndGet(texts.size());
        send(exchange, 200, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The strings of the {@code "data"} array of the first input tensor (enough for this benchmark). */
    static List<String> texts(String json) {
        int inputs = json.indexOf("\"inputs\"");
        int data = inputs < 0 ? -1 : json.indexOf("\"data\"", inputs);
        if (data < 0) {
            throw new IllegalArgumentException("no inputs[0].data in the request");
        }
        int i = skip(json, json.indexOf(':', data) + 1);
        if (i >= json.length() || json.charAt(i) != '[') {
            throw new IllegalArgumentException("inputs[0].data is not an array");
        }
        List<String> texts = new ArrayList<>();
        i = skip(json, i + 1);
        if (i < json.length() && json.charAt(i) == ']') {
            return texts;
        }
        StringBuilder text = new StringBuilder();
        while (true) {
            if (i >= json.length() || json.charAt(i) != '"') {
                throw new IllegalArgumentException("inputs[0].data holds a non-string at offset " + i);
            }
            text.setLength(0);
            for (i++; ; i++) {
                if (i >= json.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = json.charAt(i);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    char e = json.charAt(++i);
                    switch (e) {
                        case 'n' -> text.append('\n');
                        case 't' -> text.append('\t');
                        case 'r' -> text.append('\r');
                        case 'b' -> text.append('\b');
                        case 'f' -> text.append('\f');
                        case 'u' -> {
                            text.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                        default -> text.append(e);
                    }
                } else {
                    text.append(c);
                }
            }
            texts.add(text.toString());
            i = skip(json, i + 1);
            if (i < json.length() && json.charAt(i) == ',') {
                i = skip(json, i + 1);
            } else if (i < json.length() && json.charAt(i) == ']') {
                return texts;
            } else {
                throw new IllegalArgumentException("malformed inputs[0].data at offset " + i);
            }
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static void quote(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
