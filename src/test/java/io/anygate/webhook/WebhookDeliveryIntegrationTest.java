package io.anygate.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.domain.operation.UnitOfWork;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The running gateway delivers to a partner receiver and lets an operator see and redeliver. */
@QuarkusTest
@WithTestResource(ReceiverResource.class)
class WebhookDeliveryIntegrationTest {

    private static final String TOKEN = "Bearer test-admin-token";

    @ReceiverResource.InjectReceiver
    Receiver receiver;

    @Inject
    WebhookOutbox outbox;

    @Inject
    OutboxRepository repository;

    @Inject
    UnitOfWork units;

    @Test
    void anEnqueueInsideAUnitOfWorkIsRolledBackWithIt() {
        WebhookEvent event = WebhookBench.cardLastTx("acme", "it-rolled-back");
        assertThrows(IllegalStateException.class, () -> units.inOne(() -> {
            assertTrue(outbox.enqueue(event));
            assertFalse(outbox.enqueue(event));
            assertTrue(outbox.enqueueBuild("acme", 4711, 4711));
            throw new IllegalStateException("the operation failed after its webhooks were enqueued");
        }));
        assertTrue(repository.find(event.eventId()).isEmpty());
        assertTrue(repository.find("card_last_tx:4711").isEmpty());
    }

    @Test
    void enqueuedEventReachesThePartnerAndAnOperatorCanRedeliverIt() throws Exception {
        WebhookEvent event = WebhookBench.cardLastTx("acme", "it-1");
        assertEquals(true, outbox.enqueue(event));
        assertEquals(false, outbox.enqueue(event));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.count(event.eventId()) == 1);
        assertEquals(1, receiver.count(event.eventId()));

        Receiver.Received r = receiver.received.stream().filter(x -> event.eventId().equals(x.eventId()))
                .findFirst().orElseThrow();
        JsonNode env = new ObjectMapper().readTree(r.body());
        assertEquals(WebhookEnvelope.hash(env.get("timestamp").asText(), "acme-api"), env.get("hash").asText());
        assertEquals("card_last_tx", env.get("body").get("method").asText());

        given().post("/admin/webhooks/events/" + event.eventId() + "/redeliver").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").post("/admin/webhooks/events/" + event.eventId()
                + "/redeliver").then().statusCode(401);
        given().header("Authorization", TOKEN).post("/admin/webhooks/events/card_last_tx:nope/redeliver")
                .then().statusCode(404);
        given().header("Authorization", TOKEN).post("/admin/webhooks/events/" + event.eventId() + "/redeliver")
                .then().statusCode(202).body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.count(event.eventId()) == 2);
        assertEquals(2, receiver.count(event.eventId()));

        given().header("Authorization", TOKEN).get("/admin/webhooks/events/" + event.eventId())
                .then().statusCode(200).body("status", equalTo("DELIVERED"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_webhook_deliveries_total{outcome=\"delivered\"}"))
                .body(containsString("gateway_webhook_outbox_pending"));
    }

    @Test
    void adminListsNeedTheToken() {
        given().get("/admin/webhooks/failed").then().statusCode(401);
        given().get("/admin/webhooks/endpoints/paused").then().statusCode(401);
        given().header("Authorization", TOKEN).get("/admin/webhooks/failed").then().statusCode(200)
                .body("size()", equalTo(0));
        given().header("Authorization", TOKEN).get("/admin/webhooks/endpoints/paused").then().statusCode(200);
        given().header("Authorization", TOKEN).post("/admin/webhooks/endpoints/999999/resume").then().statusCode(404);
    }
}
