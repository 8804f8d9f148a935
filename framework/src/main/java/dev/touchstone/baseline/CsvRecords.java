package dev.touchstone.baseline;

import dev.touchstone.config.QualityConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The records of an outcomes file as {@link RecordedOutcomes} writes it (RFC 4180): a quoted
 * field may hold commas, doubled quotes and line breaks, so every id the store writes reads back
 * unchanged. Records end with LF, CRLF or CR. Small on purpose: the data readers' scanner is
 * built for speed over bytes, this one for exact round trips of the store's own files.
 */
final class CsvRecords {

    private final Path file;
    private final Reader in;
    private int line = 1;
    private int recordLine;
    private int pending = -2; // one character read ahead, -2 when none

    CsvRecords(Path file, Reader in) {
        this.file = file;
        this.in = in;
    }

    /** The line the last record started on. */
    int line() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the file. */
    @Nullable List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new QualityConfigurationException(file + " line " + recordLine + ": a quoted field is not "
                            + "closed before the end of the file");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    countLine(c);
                    field.append((char) c);
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                }
                if (c >= 0) {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    // a CR inside quotes ends a line unless an LF follows, which ends it instead
    private void countLine(int c) throws IOException {
        if (c == '\n') {
            line++;
        } else if (c == '\r') {
            int after = read();
            unread(after);
            if (after != '\n') {
                line++;
            }
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pending = c;
    }
}
