package io.anygate.tx;

import io.anygate.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What an earlier attempt of the keyed write in progress registered in TX, looked up by its match key when TX
 * answers the repeat "already processed" ({@link TxReplays#write}). The lookup's {@code rqSentTime} reaches back
 * over the whole call, all attempts included, in TX's time zone; a write whose outcome is unknown is settled by
 * the same lookup from the time it was sent.
 */
@ApplicationScoped
class TxReplayLookup {

    @Inject
    @RestClient
    TxTransClient trans;

    @Inject
    GatewayConfig gateway;

    @Inject
    Clock clock;

    /** The approval of the transaction the earlier attempt registered under {@code key}. */
    TranApproveRs approval(TxMatchKey key) {
        return TxReplays.tranApproval(trans, key, sentDuringThisCall());
    }

    /** The id of the transaction registered under {@code key}, or null where TX does not index the write by key. */
    Long tranIdOrNull(TxMatchKey key) {
        return TxReplays.tranIdOrNull(trans, key, sentDuringThisCall());
    }

    /** The transaction registered under {@code key} by a write sent at {@code sentAt}; {@link TxNotFoundException} when none. */
    Tran tranSentAt(TxMatchKey key, Instant sentAt) {
        return TxReplays.tran(trans, key, TxReplays.rqSentTime(sentAt, gateway.txZone()));
    }

    private String sentDuringThisCall() {
        return TxReplays.sentDuringThisCall(clock, gateway.txZone());
    }
}
