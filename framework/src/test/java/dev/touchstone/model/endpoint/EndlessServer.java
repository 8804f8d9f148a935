package dev.touchstone.model.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server whose 200 responses never end, or claim to be huge: for the client's response limit.
 * Every response starts as JSON ({@code {"label": "aaaa...}) and goes on until the client hangs
 * up. Written on plain sockets, so that it can send what a well-behaved server would not.
 */
public final class EndlessServer implements AutoCloseable {

    /** How the body is framed. */
    public enum Mode {
        /** {@code Content-Length: 2147483648}, then bytes until the client hangs up. */
        DECLARED_HUGE,
        /** {@code Transfer-Encoding: chunked}, chunks forever. */
        CHUNKED_FOREVER,
        /** Neither length nor chunks: bytes until the client hangs up. */
        UNTIL_CLOSED
    }

    private final ServerSocket socket;
    private final Mode mode;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "endless-server");
        t.setDaemon(true);
        return t;
    });
    public final AtomicInteger requests = new AtomicInteger();

    public EndlessServer(Mode mode) throws IOException {
        this.mode = mode;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.submit(this::accept);
    }

    public String base() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                workers.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            readRequest(in);
            requests.incrementAndGet();
            String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + switch (mode) {
                case DECLARED_HUGE -> "Content-Length: 2147483648\r\n";
                case CHUNKED_FOREVER -> "Transfer-Encoding: chunked\r\n";
                case UNTIL_CLOSED -> "Connection: close\r\n";
            } + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] start = "{\"label\": \"".getBytes(StandardCharsets.US_ASCII);
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'a');
            write(out, start);
            while (true) {
                write(out, block);
            }
        } catch (IOException e) {
            // the client hung up: what it should do
        }
    }

    private void write(OutputStream out, byte[] bytes) throws IOException {
        if (mode == Mode.CHUNKED_FOREVER) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(bytes);
        }
    }

    /** Reads the request line, the headers and a body of Content-Length bytes. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            headers.append((char) b);
            if (headers.length() >= 4 && headers.substring(headers.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        int length = 0;
        for (String line : headers.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        workers.shutdownNow();
    }
}
