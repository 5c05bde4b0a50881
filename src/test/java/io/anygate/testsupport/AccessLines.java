package io.anygate.testsupport;

import io.anygate.ops.AccessLog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.logmanager.ExtLogRecord;

/** The access lines the gateway writes while a test runs ({@link AccessLog#CATEGORY}), with their MDC fields. */
public final class AccessLines extends Handler {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    /** Starts capturing; call {@link #uninstall()} when the test ends. */
    public static AccessLines install() {
        AccessLines lines = new AccessLines();
        Logger.getLogger(AccessLog.CATEGORY).addHandler(lines);
        return lines;
    }

    public void uninstall() {
        Logger.getLogger(AccessLog.CATEGORY).removeHandler(this);
    }

    public List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    /** The first access line of this route template, waiting up to 5 s (the line is written when the response ends). */
    public ExtLogRecord await(String route) {
        return await("route", route);
    }

    /** The first access line whose MDC field {@code name} is {@code value}, waiting up to 5 s. */
    public ExtLogRecord await(String name, String value) {
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> first(name, value), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no access line with " + name + "=" + value + " in "
                    + records.stream().map(ExtLogRecord::getFormattedMessage).toList(), e);
        }
    }

    private Optional<ExtLogRecord> first(String name, String value) {
        return records.stream().filter(r -> value.equals(r.getMdc(name))).findFirst();
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord ext = (ExtLogRecord) record;
        ext.copyAll(); // the MDC is the logging thread's: keep it with the record
        records.add(ext);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
