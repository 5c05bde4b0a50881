package io.anygate.tx;

import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keyed writes, and recovering the original outcome when TX answers a repeated match key with one of the
 * "already processed" readings docs/tx-contract.md tolerates (409, 422 DUPLICATE/ALREADY_PROCESSED). A 200
 * replay needs nothing: it already carries the original answer.
 */
final class TxReplays {

    private static final Logger LOG = Logger.getLogger(TxReplays.class);

    private TxReplays() {
    }

    /** Sends a keyed write; on "already processed", answers {@code recover} instead. */
    static <T> T write(MatchKey key, Supplier<T> write, Supplier<T> recover) {
        try {
            return TxWire.call(write);
        } catch (TxAlreadyProcessedException e) {
            // An earlier attempt of ours went through but its answer was lost: fetch what it did.
            LOG.infof("TX reports match key %s already processed; recovering the original outcome", key);
            try {
                return recover.get();
            } catch (TxNotFoundException notFound) {
                // TX says it processed the key but cannot show it: the outcome is unknown, not "not found".
                throw new TxUnavailableException("TX: match key " + key + " reported processed but not found",
                        notFound);
            }
        }
    }

    /**
     * The transaction registered under {@code key}, as the answer a replay would have given: its approval, or its
     * decline where TX keys declined transactions too (a reading docs/tx-contract.md tolerates), never an approval of
     * a transaction TX did not approve.
     */
    static TranApproveRs tranApproval(TxTransClient trans, MatchKey key) {
        Tran tran = tran(trans, key);
        if (Tran.DECLINED.equalsIgnoreCase(tran.result())) {
            throw new TxDeclinedException(tran.result(), "registered under match key " + key + " as " + tran.result(),
                    tran.id());
        }
        if (!Tran.APPROVED.equalsIgnoreCase(tran.result())) {
            throw io.anygate.domain.UnknownCoreValue.of("transaction result", tran.result());
        }
        return new TranApproveRs(tran.id(), null);
    }

    /** The transaction registered under {@code key} ({@code GET /tx/v1/tran?ref[matchKey]=}). */
    static Tran tran(TxTransClient trans, MatchKey key) {
        return TxWire.call(() -> trans.get(null, key.value(), null));
    }

    /** The transaction id under {@code key}, or null where TX does not index object writes by key. */
    static Long tranIdOrNull(TxTransClient trans, MatchKey key) {
        try {
            return tran(trans, key).id();
        } catch (TxNotFoundException e) {
            return null;
        }
    }
}
