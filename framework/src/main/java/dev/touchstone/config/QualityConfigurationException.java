package dev.touchstone.config;

import org.apiguardian.api.API;

/**
 * A mistake in how Touchstone was set up (a missing file, an unknown column, a bad option), as
 * opposed to a model that does not meet its quality bar. Test runners report it as an error, not
 * as a failed check. The message always names the file, column, slice or key at fault.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class QualityConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QualityConfigurationException(String message) {
        super(message);
    }

    public QualityConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
