package io.anygate.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** HTTP delivery: connects to the address that was checked, keeps the URL's host name, follows no redirect. */
class HttpTransportTest {

    @Test
    void connectsToTheCheckedAddressWithTheNamesHostHeaderAndRefusesRebinding() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // The first answer is the checked one; a rebinding DNS would answer differently the next time.
        HostResolver dns = host -> List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1"
                : "10.9.9.9"));
        Vertx vertx = Vertx.vertx();
        try (Receiver receiver = Receiver.start(0)) {
            HttpTransport http = new HttpTransport(vertx, new TargetPolicy(dns, false), Duration.ofSeconds(15),
                    Duration.ofSeconds(30));
            String url = "http://hooks.partner.test:" + receiver.port() + "/in";
            DeliveryResult first = http.send(new Delivery("e1", "acme", url, true, Map.of("X-Webhook-Event-Id", "e1"),
                    "{}".getBytes()));
            assertTrue(first.delivered(), String.valueOf(first));
            assertEquals(1, lookups.get());
            assertEquals("hooks.partner.test:" + receiver.port(), receiver.received.get(0).host());

            // Second delivery: the name now resolves to a private address the partner is not allowed.
            DeliveryResult second = http.send(new Delivery("e2", "acme", url, false, Map.of(), "{}".getBytes()));
            assertFalse(second.delivered());
            assertTrue(second.error().startsWith("refused target"), second.error());
            assertEquals(1, receiver.received.size());
        } finally {
            vertx.close();
        }
    }

    @Test
    void aRedirectIsNotFollowedAndIsNotADelivery() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (Receiver receiver = Receiver.start(0)) {
            receiver.status.set(302);
            HttpTransport http = new HttpTransport(vertx, new TargetPolicy(HostResolver.SYSTEM, false),
                    Duration.ofSeconds(15), Duration.ofSeconds(30));
            DeliveryResult r = http.send(new Delivery("e1", "acme", receiver.url(), true, Map.of(), "{}".getBytes()));
            assertFalse(r.delivered());
            assertEquals(302, r.httpStatus());
        } finally {
            vertx.close();
        }
    }
}
