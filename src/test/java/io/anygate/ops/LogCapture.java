package io.anygate.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Captures every log record of the JVM, as the application emitted it (before the console's redaction filter):
 * message with its parameters, MDC values and the exception with its stack trace.
 */
final class LogCapture extends Handler {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLoggerName() + " ");
        if (record instanceof ExtLogRecord ext) {
            line.append(ext.getFormattedMessage());
            ext.getMdcCopy().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        } else {
            line.append(record.getMessage());
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
