package io.anygate.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** In sandbox mode, a partner without a webhook URL finds its webhooks in the built-in inbox. */
@QuarkusTest
class SandboxInboxTest {

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookConfig config;

    @Test
    void webhooksOfAPartnerWithoutUrlLandInTheInbox() throws Exception {
        String partner = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        outbox.enqueue(WebhookBench.cardLastTx(partner, partner + "-tx"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("partner", partner)
                .get("/sandbox/webhooks/inbox").then().extract().jsonPath().getList("$").size() == 1);

        ValidatableResponse inbox = given().queryParam("partner", partner).get("/sandbox/webhooks/inbox").then()
                .statusCode(200).body("size()", equalTo(1));
        inbox.body("[0].event_id", equalTo("card_last_tx:" + partner + "-tx"))
                .body("[0].headers.X-Webhook-Event-Id", equalTo("card_last_tx:" + partner + "-tx"))
                .body("[0].body.type_response", equalTo("async"))
                .body("[0].body.body.method", equalTo("card_last_tx"))
                .body("[0].body.body.transaction.amount", equalTo(98.32f));
        String ts = inbox.extract().path("[0].body.timestamp");
        inbox.body("[0].body.hash", equalTo(WebhookEnvelope.hash(ts, partner)));
    }

    @Test
    void theDefaultRetryScheduleSpansAtLeastADay() {
        assertTrue(RetryPolicy.of(config.retry()).minimumSpan().compareTo(Duration.ofHours(24)) >= 0);
    }
}
