package io.anygate.ops;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Console (and any other handler that lists it in {@code quarkus.log.<handler>.filter}) log filter that never
 * drops a record but rewrites its message through {@link LogRedaction}: a card number or bearer token that
 * slipped into a message is masked before any formatter, plain or JSON, writes it.
 */
@LoggingFilter(name = "redact")
public final class RedactingLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = formatted(record);
        String masked = LogRedaction.mask(formatted);
        if (masked != formatted) {
            if (record instanceof ExtLogRecord ext) {
                // The parameters are now inside the message: format nothing again.
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(masked);
            }
            record.setParameters(null);
        }
        return true;
    }

    private static String formatted(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        String message = record.getMessage();
        Object[] params = record.getParameters();
        if (message == null || params == null || params.length == 0) {
            return message;
        }
        try {
            return java.text.MessageFormat.format(message, params);
        } catch (IllegalArgumentException e) {
            return message;
        }
    }
}
