package dev.touchstone.internal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * An exclusive lock on a directory that Touchstone writes (a results directory, a baseline), held
 * by one process (and one thread) at a time. It is an operating-system file lock, so a process
 * killed with {@code kill -9} releases it; the lock file lives in the temporary directory, not
 * beside files users commit. Whoever waits too long is told who holds it. Not reentrant: a
 * holder that asks again waits for itself.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class DirectoryLock implements AutoCloseable {

    /** How long a run waits for another to finish writing before it gives up. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(50);

    // File locks belong to the process, and closing any channel on a file may drop all of the
    // process's locks on it: threads of one JVM queue here before they open the file at all.
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private final Semaphore turn;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Semaphore turn, FileChannel channel, FileLock lock) {
        this.turn = turn;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code directory}, waiting at most {@code wait} for another holder to release it.
     *
     * @throws LockedException when another run still holds it after {@code wait}
     */
    public static DirectoryLock acquire(Path directory, Duration wait) throws IOException {
        Path file = lockFile(directory);
        Files.createDirectories(file.getParent());
        long deadline = System.nanoTime() + wait.toNanos();
        Semaphore turn = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
        try {
            if (!turn.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw locked(directory, file, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock on " + directory, e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now())
                            .getBytes(StandardCharsets.UTF_8)), 0);
                    return new DirectoryLock(turn, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw locked(directory, file, wait);
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException | RuntimeException | Error e) {
            release(turn, channel);
            throw e;
        } catch (InterruptedException e) {
            release(turn, channel);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock on " + directory, e);
        }
    }

    private static LockedException locked(Path directory, Path file, Duration wait) {
        return new LockedException("another Touchstone run (" + holder(file) + ") is writing " + directory
                + "; waited " + wait.toSeconds() + " s for it to finish: wait for it, or give each run its own "
                + "touchstone.results.dir");
    }

    private static void release(Semaphore turn, FileChannel channel) throws IOException {
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            turn.release();
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "unknown" : text;
        } catch (IOException e) {
            return "unknown";
        }
    }

    // one lock file per directory, named after its absolute path, outside any directory users commit
    static Path lockFile(Path directory) throws IOException {
        String path = directory.toAbsolutePath().normalize().toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            String name = HexFormat.of().formatHex(digest, 0, 12) + ".lock";
            return Path.of(System.getProperty("java.io.tmpdir"), "touchstone-locks", name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            release(turn, channel);
        }
    }

    /** Another run holds the lock. */
    public static final class LockedException extends IOException {
        private static final long serialVersionUID = 1L;

        LockedException(String message) {
            super(message);
        }
    }
}
