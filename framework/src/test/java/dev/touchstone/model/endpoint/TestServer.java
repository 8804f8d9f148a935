package dev.touchstone.model.endpoint;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on a free loopback port, answering with a function of the request. */
public final class TestServer implements AutoCloseable {

    /** A request as the server saw it; {@code index} counts requests from 0, {@code nanos} is when it arrived. */
    public record Request(int index, String method, String path, String body, String authorization, long nanos) {
    }

    public record Reply(int status, String body, Map<String, String> headers, long delayMillis) {
        public static Reply ok(String json) {
            return new Reply(200, json, Map.of(), 0);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, Map.of(), 0);
        }

        public Reply after(long millis) {
            return new Reply(status, body, headers, millis);
        }

        public Reply header(String name, String value) {
            return new Reply(status, body, Map.of(name, value), delayMillis);
        }
    }

    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    private TestServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, handler));
        server.start();
    }

    public static TestServer start(Handler handler) throws IOException {
        return new TestServer(handler);
    }

    private void serve(HttpExchange exchange, Handler handler) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Request request = new Request(count.getAndIncrement(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), body, auth == null ? "" : auth, System.nanoTime());
            requests.add(request);
            Reply reply;
            try {
                reply = handler.handle(request);
            } catch (Exception e) {
                reply = Reply.status(500, "handler failed: " + e);
            }
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client went away (timeout): nothing to answer
        } finally {
            inFlight.decrementAndGet();
        }
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI uri(String path) {
        return URI.create(base() + path);
    }

    public int requestCount() {
        return count.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Stops accepting connections; later requests are refused. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * A server that accepts each connection, reads a little of the request and resets the
     * connection (SO_LINGER 0): the client sees "connection reset" or a closed connection.
     */
    public static final class Resetting implements AutoCloseable {
        final ServerSocket socket;
        public final AtomicInteger accepted = new AtomicInteger();
        private final Thread thread;

        public Resetting() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        accepted.incrementAndGet();
                        InputStream in = s.getInputStream();
                        in.read(new byte[64]);
                        s.setSoLinger(true, 0);
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "resetting-server");
            thread.setDaemon(true);
            thread.start();
        }

        public URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
