package dev.touchstone.internal.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * What went wrong with a file, in words: the operating system's reason ("permission denied",
 * "Read-only file system", "No space left on device", "Not a directory") and the file it is
 * about, where {@link IOException#getMessage()} often gives the path alone.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class IoFailures {

    private IoFailures() {
    }

    /** {@code /proc/forbidden: no such file or directory, and it cannot be created there}. */
    public static String describe(IOException e) {
        String file = e instanceof FileSystemException fs ? fs.getFile() : null;
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file or directory" + (file != null && parentExists(file)
                    ? ", and it cannot be created there (a read-only or virtual file system?)" : "");
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "something that is not a directory is in the way";
        } else if (e instanceof NotDirectoryException) {
            reason = "not a directory";
        } else if (e instanceof DirectoryNotEmptyException) {
            reason = "the directory is not empty";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            String message = e.getMessage();
            return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        }
        return file == null ? reason : file + ": " + reason;
    }

    /**
     * Creates {@code directory} if needed and writes and deletes a file in it: fails, saying why,
     * when the run could not write there. Root passes permission checks that would stop others,
     * so this tries rather than asks.
     */
    public static void requireWritableDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path probe = Files.createTempFile(directory, ".touchstone-write-check", ".tmp");
        Files.delete(probe);
    }

    private static boolean parentExists(String file) {
        try {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            return parent != null && Files.isDirectory(parent);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
