package io.anygate.webhook;

import org.junit.jupiter.api.Test;

/** Two replicas on one embedded store never deliver the same event twice or concurrently. */
class TwoDispatchersH2Test {

    @Test
    void twoDispatchersOnOneStoreNeverDoubleDeliver() throws Exception {
        WebhookBench store = WebhookBench.h2();
        try {
            TwoDispatchersTest.neverDoubleDeliver(store.dataSource, "acme");
        } finally {
            store.close();
        }
    }
}
