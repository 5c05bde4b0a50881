package io.anygate.tx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keyed writes, and recovering the original outcome when TX answers a repeated match key with one of the
 * "already processed" readings docs/tx-contract.md tolerates (409, 422 DUPLICATE/ALREADY_PROCESSED). A 200
 * replay needs nothing: it already carries the original answer. Lookups by match key name the send time TX
 * matches within ({@code ref[rqSentTime]}: {@code rqSentTime <= regTime <= rqSentTime + 60s}).
 */
final class TxReplays {

    private static final Logger LOG = Logger.getLogger(TxReplays.class);

    /** TX's matching window after {@code rqSentTime} (tx-api, tran-TranRef). */
    static final Duration MATCH_WINDOW = Duration.ofSeconds(60);
    /**
     * How much earlier than our send time the {@code rqSentTime} we send is: TX's clock may be behind ours, and its
     * {@code regTime} has whole seconds. A transfer is then found if TX registers it within 55 s of our send time.
     */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    /**
     * How far back an attempt of the write in progress may have been sent: the whole retried call lasts at most
     * {@link TxPolicy#WRITE_MAX_DURATION_MS}.
     */
    static final Duration CALL_LOOKBACK = Duration.ofMillis(TxPolicy.WRITE_MAX_DURATION_MS);

    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private TxReplays() {
    }

    /** Sends a keyed write; on "already processed", answers {@code recover} instead. */
    static <T> T write(TxMatchKey key, Supplier<T> write, Supplier<T> recover) {
        return write(key, write, recover, () -> false);
    }

    /**
     * Sends a keyed write; on "already processed", answers {@code recover} instead. When {@code repeated} says an
     * earlier attempt of this call may have reached TX, any refusal (422, 400) may be TX's own wording of "already
     * processed": it is settled by {@code recover} (a lookup by key), and if that finds nothing the outcome is
     * unknown, never a decline.
     */
    static <T> T write(TxMatchKey key, Supplier<T> write, Supplier<T> recover, BooleanSupplier repeated) {
        try {
            return TxWire.call(write);
        } catch (TxAlreadyProcessedException e) {
            // An earlier attempt of ours went through but its answer was lost: fetch what it did.
            LOG.infof("TX reports match key %s already processed; recovering the original outcome", key);
            return recover(key, recover);
        } catch (TxDeclinedException | TxInvalidRequestException e) {
            if (!repeated.getAsBoolean()) {
                throw e;
            }
            LOG.infof("TX refused a repeat of match key %s (%s); looking the key up", key, e.getMessage());
            return recover(key, recover);
        }
    }

    private static <T> T recover(TxMatchKey key, Supplier<T> recover) {
        try {
            return recover.get();
        } catch (TxNotFoundException notFound) {
            // TX refused a repeated key but shows nothing under it: the outcome is unknown, not "not found".
            throw new TxUnavailableException("TX: match key " + key + " refused as a repeat but not found",
                    notFound);
        }
    }

    /**
     * The transaction registered under {@code key}, as the answer a replay would have given: its approval, or its
     * decline where TX keys declined transactions too (a reading docs/tx-contract.md tolerates), never an approval of
     * a transaction TX did not approve.
     */
    static TranApproveRs tranApproval(TxTransClient trans, TxMatchKey key, String rqSentTime) {
        Tran tran = tran(trans, key, rqSentTime);
        if (tran.declined()) {
            throw new TxDeclinedException(tran.result(), "registered under match key " + key + " as " + tran.result(),
                    tran.id());
        }
        if (!tran.approved()) {
            throw io.anygate.domain.UnknownCoreValue.of("transaction result", tran.result());
        }
        return new TranApproveRs(tran.id(), null);
    }

    /**
     * The transaction registered under {@code key} within TX's window after {@code rqSentTime}
     * ({@code GET /tx/v1/tran?ref[matchKey]=&ref[rqSentTime]=}).
     */
    static Tran tran(TxTransClient trans, TxMatchKey key, String rqSentTime) {
        return TxWire.call(() -> trans.get(null, key.value(), rqSentTime));
    }

    /** The transaction id under {@code key}, or null where TX does not index object writes by key. */
    static Long tranIdOrNull(TxTransClient trans, TxMatchKey key, String rqSentTime) {
        try {
            return tran(trans, key, rqSentTime).id();
        } catch (TxNotFoundException e) {
            return null;
        }
    }

    /** The {@code rqSentTime} to look up a write sent at {@code sentAt}: TX's local time, whole seconds, earlier by the skew. */
    static String rqSentTime(Instant sentAt, ZoneId zone) {
        return LocalDateTime.ofInstant(sentAt.minus(CLOCK_SKEW), zone).truncatedTo(ChronoUnit.SECONDS).format(WIRE_TIME);
    }

    /** The {@code rqSentTime} to look up an earlier attempt of the write in progress now. */
    static String sentDuringThisCall(Clock clock, ZoneId zone) {
        return rqSentTime(clock.instant().minus(CALL_LOOKBACK), zone);
    }

    /** The instant after which a lookup of a write sent at {@code sentAt} that finds nothing is final. */
    static Instant registeredBy(Instant sentAt) {
        return sentAt.minus(CLOCK_SKEW).plus(MATCH_WINDOW);
    }
}
