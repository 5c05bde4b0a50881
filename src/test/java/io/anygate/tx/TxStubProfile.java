package io.anygate.tx;

import io.anygate.testsupport.OwnDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * TX replaced by WireMock, with fault-tolerance settings shortened through the documented override keys so
 * that retry, timeout and breaker behaviour shows in a short test.
 */
public class TxStubProfile implements QuarkusTestProfile {

    /** Per-attempt timeout of account2card in these tests (the other writes keep their defaults). */
    public static final int TRANSFER_TIMEOUT_MS = 1000;
    /** Calls that fill card.get's breaker window in these tests. */
    public static final int CARD_BREAKER_VOLUME = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        String card = "quarkus.fault-tolerance.\"io.anygate.tx.TxCardCalls/cardAsync\".";
        return Map.of(
                "quarkus.fault-tolerance.global.retry.delay", "20",
                "quarkus.fault-tolerance.global.retry.jitter", "10",
                "quarkus.fault-tolerance.\"io.anygate.tx.TxTransfers/account2card\".timeout.value",
                String.valueOf(TRANSFER_TIMEOUT_MS),
                card + "circuit-breaker.request-volume-threshold", String.valueOf(CARD_BREAKER_VOLUME),
                card + "circuit-breaker.delay", "1000",
                card + "retry.max-retries", "0",
                "gateway.tx.read-timeout-ms", "3000",
                // a client's first call is slow on a busy test machine; the probe's 1 s is for production
                "quarkus.fault-tolerance.\"io.anygate.tx.TxPing/ping\".timeout.value", "5000",
                OwnDatabase.URL_KEY, OwnDatabase.h2Url("tx-stub"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TxStub.class));
    }
}
