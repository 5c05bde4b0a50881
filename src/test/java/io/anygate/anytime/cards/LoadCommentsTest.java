package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.MoneyTestSupport.move;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.CoreLedger;
import io.anygate.domain.money.MoneyEvents;
import io.anygate.domain.money.TransferOutcome;
import io.anygate.domain.operation.MoneyComments;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partner's {@code acc_comment} and {@code card_comment} on a credit or debit are what it reads back as the
 * {@code description} of that transaction: the card comment on the card's transactions (list, details) and in the
 * {@code card_last_tx} webhook, the account comment on the account statement (list, details). TX keeps no free text,
 * so these come from the gateway's journal; without a comment the description stays TX's.
 */
@QuarkusTest
class LoadCommentsTest {

    private static final TestPartner DELTA = TestPartner.DELTA;
    private static final String TX_KIND = "Transfer";

    private String token;

    @Inject
    CardFixture fixture;
    @Inject
    OperationJournal journal;
    @Inject
    CoreLedger ledger;
    @Inject
    MoneyEvents moneyEvents;

    @BeforeEach
    void token() {
        // A new token supersedes the partner's previous one: each test takes its own and makes every call with it.
        token = EdgeClient.token(DELTA);
    }

    @Test
    void creditAndDebitCommentsAreTheDescriptionsOnTheCardAndOnTheAccountStatement() {
        OwnedCard card = fixture.card("delta", "1000.00", "0.00");
        long credit = moved("credit", card, "25.00", null, "Top-up order 1234", "Load from Acme");
        long debit = moved("debit", card, "5.00", null, "Refund order 77", "Unload to Acme");

        JsonPath list = cardTransactions(card);
        assertEquals("Load from Acme", descriptionOf(list, "body.transactions", credit));
        assertEquals("Unload to Acme", descriptionOf(list, "body.transactions", debit));
        assertEquals("Load from Acme", cardTransaction(card, credit).getString("body.description"));
        assertEquals("Unload to Acme", cardTransaction(card, debit).getString("body.description"));

        JsonPath statement = statement(card);
        assertEquals("Top-up order 1234", descriptionOf(statement, "body.transactions", credit));
        assertEquals("Refund order 77", descriptionOf(statement, "body.transactions", debit));
        assertEquals("Top-up order 1234", statementLine(card, Long.toString(credit)).getString("body.description"));
        // The SDK's {acc_id}-{txid} form of the same line.
        assertEquals("Refund order 77", statementLine(card, card.accountId() + "-" + debit)
                .getString("body.description"));
    }

    @Test
    void withoutACommentTheDescriptionStaysTheTxOne() {
        OwnedCard card = fixture.card("delta", "1000.00", "0.00");
        long none = moved("credit", card, "10.00", null, null, null);
        long empty = moved("credit", card, "11.00", null, "", "   ");
        long cardOnly = moved("debit", card, "3.00", null, null, "Card side only");

        JsonPath list = cardTransactions(card);
        assertEquals(TX_KIND, descriptionOf(list, "body.transactions", none));
        assertEquals(TX_KIND, descriptionOf(list, "body.transactions", empty));
        assertEquals("Card side only", descriptionOf(list, "body.transactions", cardOnly));
        assertEquals(TX_KIND, cardTransaction(card, none).getString("body.description"));

        JsonPath statement = statement(card);
        assertEquals(TX_KIND, descriptionOf(statement, "body.transactions", none));
        assertEquals(TX_KIND, descriptionOf(statement, "body.transactions", empty));
        assertEquals(TX_KIND, descriptionOf(statement, "body.transactions", cardOnly));
        assertEquals(TX_KIND, statementLine(card, Long.toString(cardOnly)).getString("body.description"));
    }

    @Test
    void aCardOrdersInitialLoadHasNoComment() {
        CardFixture.Account acc = fixture.account("delta", true, new BigDecimal("500.00"));
        Response order = as().formParams(CardCalls.virtualOrder(acc.accountId(), "VIRTUAL_MULTI_USE", "20"))
                .post("/v1.0/cards");
        assertEquals(200, order.statusCode(), order.asString());
        JsonPath list = get("/v1.0/cards/" + order.jsonPath().getString("body.card_ref") + "/transactions");
        assertEquals(1, list.getList("body.transactions").size());
        assertEquals(TX_KIND, list.getString("body.transactions[0].description"));
    }

    @Test
    void theCardLastTxWebhookCarriesTheCardComment() throws Exception {
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        long tranId = moved("credit", card, "7.50", null, "Top-up order 1234", "Gift from Acme");

        String eventId = "card_last_tx:" + tranId;
        JsonPath inbox = inboxWith(eventId);
        String body = "find { it.event_id == '" + eventId + "' }.body.body";
        assertEquals("card_last_tx", inbox.getString(body + ".method"));
        assertEquals("Gift from Acme", inbox.getString(body + ".transaction.description"));
        assertEquals("7.50", inbox.getString(body + ".transaction.balance_after"));
    }

    @Test
    void aWebhookBuiltBeforeTheApprovalIsJournaledWaitsForTheComment() throws Exception {
        // What a build racing the approval sees: TX approved, the event recorded, the journal not APPROVED yet.
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        MoneyComments c = new MoneyComments("Top-up 99", "Raced load");
        Operation op = Operation.newMoney(OperationId.generate(System.currentTimeMillis()), "delta",
                OperationKind.CARD_CREDIT, null, "fp", card.accountId(), card.cardId(), new BigDecimal("4.00"), "EUR",
                c, Instant.now());
        assertTrue(journal.record(op));
        TransferOutcome outcome = ledger.transfer(card.accountId(), card.cardContractId(), op.amount(), "EUR",
                op.matchKey("transfer"), c);
        long tranId = ((TransferOutcome.Approved) outcome).tranId();
        moneyEvents.approved(op, card, tranId);
        String eventId = "card_last_tx:" + tranId;

        await(() -> adminEvent(eventId).getInt("attempts") >= 1, "the build put off");
        JsonPath waiting = adminEvent(eventId);
        assertEquals("BUILD", waiting.getString("status"));
        assertTrue(waiting.getString("last_error").contains("not journaled"), waiting.prettify());
        journal.finish(op.id(), OperationState.APPROVED, tranId, null, Instant.now());

        JsonPath inbox = inboxWith(eventId);
        assertEquals("Raced load", inbox.getString("find { it.event_id == '" + eventId
                + "' }.body.body.transaction.description"));
    }

    @Test
    void anIdempotencyKeyReplayKeepsTheFirstComments() {
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        String key = "comments-" + UUID.randomUUID();
        long first = moved("credit", card, "10.00", key, "First order", "First load");

        Response replay = move(DELTA, token, "credit", ref(card), "10.00", key, "First order", "First load");
        assertEquals(200, replay.statusCode(), replay.asString());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first, replay.jsonPath().getLong("body.transaction_id"));
        // The same key with other comments is other parameters: refused, and nothing is rewritten.
        Response other = move(DELTA, token, "credit", ref(card), "10.00", key, "Second order", "Second load");
        assertEquals(422, other.statusCode(), other.asString());
        assertEquals(4220010, other.jsonPath().getLong("body.error.code"));

        assertEquals("First load", descriptionOf(cardTransactions(card), "body.transactions", first));
        assertEquals("First order", descriptionOf(statement(card), "body.transactions", first));
        assertEquals(new BigDecimal("10.00"), CardFixture.balance(card.cardContractId()), "moved once");
    }

    private long moved(String direction, OwnedCard card, String amount, String key, String accComment,
            String cardComment) {
        Response r = move(DELTA, token, direction, ref(card), amount, key, accComment, cardComment);
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getLong("body.transaction_id");
    }

    private RequestSpecification as() {
        return EdgeClient.signed(DELTA).header("Authorization", "Bearer " + token)
                .contentType("application/x-www-form-urlencoded");
    }

    private JsonPath cardTransactions(OwnedCard card) {
        return get("/v1.0/cards/" + ref(card) + "/transactions");
    }

    private JsonPath cardTransaction(OwnedCard card, long tranId) {
        return get("/v1.0/cards/" + ref(card) + "/transactions/" + tranId);
    }

    private JsonPath statement(OwnedCard card) {
        return get("/v1.0/accounts/" + card.accountId() + "/statements");
    }

    private JsonPath statementLine(OwnedCard card, String txid) {
        return get("/v1.0/accounts/" + card.accountId() + "/statements/" + txid);
    }

    private JsonPath get(String path) {
        return new JsonPath(as().get(path).then().statusCode(200).extract().asString());
    }

    /** The description of the line with this txid (an integer on the card's side, a string on the statement). */
    private static String descriptionOf(JsonPath page, String list, long txid) {
        String found = page.getString(list + ".find { it.txid.toString() == '" + txid + "' }.description");
        if (found == null) {
            throw new AssertionError("no line " + txid + " in " + page.prettify());
        }
        return found;
    }

    /** The delta partner's sandbox inbox once it holds this event (the build step makes it within seconds). */
    private static JsonPath inboxWith(String eventId) {
        return Awaitility.await(eventId + " in the sandbox inbox").atMost(Duration.ofSeconds(15))
                .until(() -> new JsonPath(given().queryParam("partner", "delta").queryParam("limit", 100)
                        .get("/sandbox/webhooks/inbox").then().statusCode(200).extract().asString()),
                        inbox -> inbox.get("find { it.event_id == '" + eventId + "' }") != null);
    }

    private static JsonPath adminEvent(String eventId) {
        return given().header("Authorization", "Bearer test-admin-token").get("/admin/webhooks/events/" + eventId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(15)).until(condition::getAsBoolean);
    }

    private static String ref(OwnedCard card) {
        return CardRef.ofTxCard(card.cardId()).value();
    }
}
