package dev.touchstone.data.table;

import dev.touchstone.config.QualityConfigurationException;
import org.apiguardian.api.API;

/**
 * Input data that cannot be read or used as asked: the message names the file, the line and,
 * where one is at fault, the column.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DataFormatException extends QualityConfigurationException {
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
