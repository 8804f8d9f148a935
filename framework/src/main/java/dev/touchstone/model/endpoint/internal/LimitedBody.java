package dev.touchstone.model.endpoint.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as UTF-8 text, up to a number of bytes: a body declared longer
 * ({@code Content-Length}) is refused before its first byte, and one that turns out longer (a
 * chunked or endless body) is cut off as soon as it passes the limit, so that a server can never
 * fill the heap. Either way the exchange fails with a {@link TooLarge}. Anything thrown while
 * the bytes are kept (an OutOfMemoryError of a limit set too high for the heap) fails the
 * exchange too, instead of dying in the HTTP client's own thread and leaving the request waiting.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<String> {

    /** A body over the limit; {@code status} is the response's HTTP status. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        private final long limit;
        private final int status;
        private final String how;

        TooLarge(long limit, int status, String how) {
            super(String.format(Locale.ROOT, "response larger than %,d bytes (%s)", limit, how));
            this.limit = limit;
            this.status = status;
            this.how = how;
        }

        /** "it declared 2,147,483,648 bytes", "the rest was not read". */
        String how() {
            return how;
        }

        long limit() {
            return limit;
        }

        int status() {
            return status;
        }
    }

    /** A failure while the body was kept (an Error in the client's thread), passed on to the caller. */
    static final class Broken extends IOException {
        private static final long serialVersionUID = 1L;

        Broken(Throwable cause) {
            super("reading the response failed: " + cause.getClass().getSimpleName(), cause);
        }
    }

    private final long limit;
    private final int status;
    private final long declared;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final List<byte[]> chunks = new ArrayList<>();
    private Flow.Subscription subscription;
    private long received;

    private LimitedBody(long limit, int status, long declared) {
        this.limit = limit;
        this.status = status;
        this.declared = declared;
    }

    /** A handler of responses whose bodies are read up to {@code limit} bytes. */
    static HttpResponse.BodyHandler<String> handler(long limit) {
        return info -> new LimitedBody(limit, info.statusCode(),
                info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > limit) {
            s.cancel();
            result.completeExceptionally(new TooLarge(limit, status,
                    String.format(Locale.ROOT, "it declared %,d bytes", declared)));
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        try {
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
                if (received > limit) {
                    subscription.cancel();
                    chunks.clear();
                    result.completeExceptionally(new TooLarge(limit, status, "the rest was not read"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                chunks.add(chunk);
            }
            subscription.request(1);
        } catch (Throwable t) { // an Error here would otherwise end the client's thread and never this exchange
            chunks.clear();
            subscription.cancel();
            result.completeExceptionally(new Broken(t));
        }
    }

    @Override
    public void onError(Throwable throwable) {
        chunks.clear();
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) {
            return;
        }
        try {
            byte[] all = new byte[(int) received];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, all, at, chunk.length);
                at += chunk.length;
            }
            chunks.clear();
            result.complete(new String(all, StandardCharsets.UTF_8));
        } catch (Throwable t) {
            chunks.clear();
            result.completeExceptionally(new Broken(t));
        }
    }
}
