package dev.touchstone.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/**
 * Writes a file or a directory so that a reader, or a crash, never sees it half-written: the
 * content goes to a hidden sibling that is then renamed over the target (atomically where the
 * file system allows). Siblings are created like any new file, so they get the permissions the
 * process's umask gives (typically {@code -rw-r--r--}), not {@code Files.createTempFile}'s
 * owner-only ones, which would otherwise stick to the renamed file.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class AtomicFiles {

    private static final int ATTEMPTS = 100;
    private static final String NEW = "-new";
    private static final String OLD = "-old";
    private static final String TMP = ".tmp";

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a new, empty directory. */
    @FunctionalInterface
    public interface DirectoryContent {
        void writeInto(Path directory) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code file} (or creates it, and its parent directories) with {@code bytes}. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Replaces {@code file} (or creates it, and its parent directories) with what {@code content} writes. */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = createSibling(target, TMP, false);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            move(temp, target, true);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            throw e;
        }
    }

    /**
     * Replaces the directory {@code target} (or creates it) with a new one that {@code content}
     * fills: the new directory is renamed into place, the old one renamed aside first, and then
     * deleted. If the new one cannot take its place, the old one is put back.
     */
    public static void replaceDirectory(Path target, DirectoryContent content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path staging = createSibling(absolute, NEW, true);
        try {
            content.writeInto(staging);
            swap(staging, absolute);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(staging, e); // nothing left to delete once it took the target's place
            throw e;
        }
    }

    /**
     * Cleans up after a writer of {@code target} that was killed ({@code kill -9}) halfway: deletes
     * the hidden siblings {@link #write} and {@link #replaceDirectory} leave behind, and if the
     * target itself is gone (killed between the two renames of a swap), puts the old one back.
     * Call it only while holding the {@link DirectoryLock} every writer of {@code target} takes:
     * then no sibling can belong to a writer still at work.
     *
     * @return how many leftovers were removed
     */
    public static int recover(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        String prefix = "." + absolute.getFileName() + "-";
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, p -> isLeftover(p, prefix))) {
            siblings.forEach(leftovers::add);
        }
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            Path old = leftovers.stream().filter(p -> p.getFileName().toString().endsWith(OLD)).findFirst().orElse(null);
            if (old != null) {
                move(old, absolute, false);
                leftovers.remove(old);
            }
        }
        for (Path leftover : leftovers) {
            FileTrees.deleteIfExists(leftover);
        }
        return leftovers.size();
    }

    private static boolean isLeftover(Path sibling, String prefix) {
        String name = sibling.getFileName().toString();
        if (!name.startsWith(prefix)) {
            return false;
        }
        String rest = name.substring(prefix.length());
        for (String suffix : List.of(NEW, OLD, TMP)) {
            if (rest.endsWith(suffix) && rest.length() > suffix.length()
                    && rest.substring(0, rest.length() - suffix.length()).chars().allMatch(Character::isLetterOrDigit)) {
                return true;
            }
        }
        return false;
    }

    private static void swap(Path staging, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(staging, target, false);
            return;
        }
        Path retired = sibling(target, OLD);
        move(target, retired, false);
        try {
            move(staging, target, false);
        } catch (IOException | RuntimeException | Error e) {
            try {
                move(retired, target, false);
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        FileTrees.deleteIfExists(retired);
    }

    /** Renames {@code from} to {@code to}, atomically where the file system can. */
    private static void move(Path from, Path to, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to);
            }
        }
    }

    /** A new, empty file or directory beside {@code target}, hidden, with a name no one else uses. */
    private static Path createSibling(Path target, String suffix, boolean directory) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path sibling = sibling(target, suffix);
            try {
                return directory ? Files.createDirectory(sibling) : Files.createFile(sibling);
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Path sibling(Path target, String suffix) {
        String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        return target.resolveSibling("." + target.getFileName() + "-" + random + suffix);
    }

    private static void deleteQuietly(Path path, Throwable failure) {
        try {
            FileTrees.deleteIfExists(path);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
