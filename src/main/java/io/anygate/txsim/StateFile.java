package io.anygate.txsim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The simulator's state file: loaded at start, written after changes (debounced: at most once per
 * {@code snapshot-debounce-ms}) and at shutdown, atomically (temp file + rename). Crash window: changes made since
 * the last write (at most the debounce interval, 1 s by default) are lost on a crash or kill -9.
 */
final class StateFile {

    private static final Logger LOG = Logger.getLogger(StateFile.class);

    private final Path path;
    private final long debounceMs;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "txsim-snapshot");
        t.setDaemon(true);
        return t;
    });
    private volatile SimState state;

    StateFile(Path path, long debounceMs) {
        this.path = path;
        this.debounceMs = debounceMs;
    }

    /** The saved state, or a fresh one when there is no file yet. */
    SimState load() throws IOException {
        SimState loaded = Files.exists(path) ? SimState.restore(Files.readAllBytes(path)) : new SimState();
        LOG.infof("TX simulator state %s %s", Files.exists(path) ? "loaded from" : "will be saved to", path);
        attach(loaded);
        return loaded;
    }

    void attach(SimState s) {
        this.state = s;
        s.onChange(this::changed);
    }

    private void changed() {
        if (scheduled.compareAndSet(false, true)) {
            writer.schedule(this::writeQuietly, debounceMs, TimeUnit.MILLISECONDS);
        }
    }

    private void writeQuietly() {
        try {
            write();
        } catch (Exception e) {
            LOG.errorf("TX simulator state could not be written to %s: %s", path, e.toString());
        }
    }

    /** Writes now: snapshot to a temp file in the same folder, then an atomic rename over the old file. */
    synchronized void write() throws IOException {
        scheduled.set(false);
        byte[] bytes = state.snapshot();
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "state", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    void shutdown() {
        writer.shutdownNow();
        try {
            write();
        } catch (IOException e) {
            LOG.errorf("TX simulator state could not be written to %s at shutdown: %s", path, e.toString());
        }
    }
}
