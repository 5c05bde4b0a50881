package io.anygate.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * TX connectivity test ({@code GET {base}/}) for the readiness probe: one short attempt, no retry and no
 * breaker (it is how we notice TX is back; its guard is {@link TxGuards#PING}). Override the timeout with
 * {@code quarkus.fault-tolerance."io.anygate.tx.TxPing/ping".timeout.value}.
 */
@ApplicationScoped
public class TxPing {

    @Inject
    @RestClient
    TxPingClient client;

    /** Returns normally when TX answered 200; otherwise throws a {@link TxException}. */
    @TxOperation("ping")
    public void ping() {
        TxWire.call(client::ping);
    }
}
