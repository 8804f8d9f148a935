package dev.touchstone.data.internal;

import dev.touchstone.data.table.DataFormatException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Locale;

/**
 * A data file read from its start to its end, failing when the file changed meanwhile: another
 * process truncating, rewriting or appending to it while it is read. Without this check a file
 * cut mid-read gave a fraction of its rows and a cut last value, with no error.
 *
 * <p>The size and modification time are taken when the file is opened. Reading more bytes than
 * that size fails at once; at the end of the file, the bytes read must equal that size, and the
 * size and modification time must be unchanged. A failure is a {@link DataFormatException} that
 * says what changed; the reader keeps nothing, so no partial last row survives. Only regular
 * files are checked (a pipe has no size to compare).
 */
final class WatchedFileInputStream extends FilterInputStream {

    private final Path path;
    private final boolean regular;
    private final long size;
    private final FileTime modified;
    private long read;
    private boolean verified;

    private WatchedFileInputStream(Path path, InputStream in, boolean regular, long size, FileTime modified) {
        super(in);
        this.path = path;
        this.regular = regular;
        this.size = size;
        this.modified = modified;
    }

    /** Wraps {@code in}, just opened on {@code path}, with the file's size and time as they are now. */
    static WatchedFileInputStream of(Path path, InputStream in) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new WatchedFileInputStream(path, in, attributes.isRegularFile(), attributes.size(),
                attributes.lastModifiedTime());
    }

    /** The size the file had when it was opened. */
    long sizeAtOpen() {
        return size;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            verifyAtEnd();
        } else {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            verifyAtEnd();
        } else {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (regular && read > size) {
            throw changed("it grew while it was read: it had " + bytes(size) + " when reading began, and "
                    + bytes(read) + " have been read so far");
        }
    }

    private void verifyAtEnd() throws IOException {
        if (!regular || verified) {
            return;
        }
        verified = true;
        if (read != size) {
            throw changed("it had " + bytes(size) + " when reading began, but the end came after " + bytes(read)
                    + " (was it truncated or replaced?)");
        }
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw changed("it is gone or unreadable now (" + e.getClass().getSimpleName() + ")");
        }
        if (now.size() != size) {
            throw changed("it had " + bytes(size) + " when reading began and has " + bytes(now.size()) + " now");
        }
        if (!now.lastModifiedTime().equals(modified)) {
            throw changed("it was modified at " + now.lastModifiedTime() + ", after reading began (last modified "
                    + modified + " then)");
        }
    }

    private DataFormatException changed(String what) {
        return new DataFormatException(path + " changed while it was read: " + what
                + "; no row of it was kept. Read it again once it is complete");
    }

    private static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d bytes", n);
    }
}
