package dev.touchstone.data.internal;

import dev.touchstone.data.table.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opening input files with messages that say what is wrong with the path. */
final class Readers {

    private Readers() {
    }

    /**
     * The file from its start, failing (a {@link DataFormatException}) if it changes while it is
     * read; see {@link WatchedFileInputStream}.
     */
    static InputStream open(Path path) {
        if (Files.isDirectory(path)) {
            throw new DataFormatException("cannot read " + path + ": it is a directory, not a data file");
        }
        InputStream in = null;
        try {
            in = Files.newInputStream(path);
            return WatchedFileInputStream.of(path, in);
        } catch (NoSuchFileException e) {
            throw new DataFormatException("no such file: " + path.toAbsolutePath().normalize(), e);
        } catch (AccessDeniedException e) {
            throw new DataFormatException("cannot read " + path + ": permission denied", e);
        } catch (IOException e) {
            closeQuietly(in);
            throw new DataFormatException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }
}
