package dev.touchstone.config;

import dev.touchstone.internal.text.Printable;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A mistake in how Touchstone was set up (a missing file, an unknown column, a bad option), as
 * opposed to a model that does not meet its quality bar. Test runners report it as an error, not
 * as a failed check. The message always names the file, column, slice or key at fault, on one
 * line: control characters in it (a line break or an ANSI escape in a value read from data) are
 * escaped ({@link Printable}), so that no value can start a log line of its own.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class QualityConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QualityConfigurationException(String message) {
        super(Printable.escape(message));
    }

    public QualityConfigurationException(String message, Throwable cause) {
        super(Printable.escape(message), cause);
    }

    /**
     * A message that lists things (the entries a refused baseline update would bless), one per
     * line: each line is escaped on its own, so only these line breaks remain.
     */
    protected QualityConfigurationException(List<String> lines) {
        super(lines.stream().map(Printable::escape).collect(Collectors.joining(System.lineSeparator())));
    }
}
