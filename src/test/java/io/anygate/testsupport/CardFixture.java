package io.anygate.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.anygate.domain.account.AccountOwnership;
import io.anygate.domain.account.OwnedAccount;
import io.anygate.domain.card.CardOwnership;
import io.anygate.domain.card.OwnedCard;
import io.anygate.tx.CatalogueRef;
import io.anygate.tx.Contract;
import io.anygate.tx.Contract2Contract;
import io.anygate.tx.ContractDetails;
import io.anygate.tx.ContractRef;
import io.anygate.tx.TxMatchKey;
import io.anygate.tx.Subject;
import io.anygate.tx.SubjectDetails;
import io.anygate.tx.SubjectRef;
import io.anygate.tx.TxCardCalls;
import io.anygate.tx.TxContracts;
import io.anygate.tx.TxSubjects;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes an account and an active card of a partner directly in TX through the TX client (subject, account
 * contract, card contract, card, link, activation) and registers both with the ownership tables, as the account
 * and card sagas do at their last step. Funding uses the simulator's {@code PUT contract/balance}.
 */
@ApplicationScoped
public class CardFixture {

    @Inject
    TxSubjects subjects;
    @Inject
    TxContracts contracts;
    @Inject
    TxCardCalls cards;
    @Inject
    AccountOwnership accounts;
    @Inject
    CardOwnership cardOwnership;

    /** An opened account without a card: its acc_id and its cardholder. */
    public record Account(long accountId, long holderSubjectId) {
    }

    /**
     * An account alone (for the tests that order its cards through the API): a Person subject, a consumer or business
     * account contract, activated, funded with {@code balance} in EUR, registered as the partner's.
     */
    public Account account(String partnerId, boolean business, BigDecimal balance) {
        long holder = person("Anne", "Martin");
        long account = contract(holder, business ? "CT-ACCOUNT-BUSINESS" : "CT-ACCOUNT-CONSUMER");
        fund(account, balance.toPlainString());
        accounts.register(new OwnedAccount(account, partnerId, business ? "business" : "consumer", "EUR", holder,
                null), UUID.randomUUID().toString().replace("-", "").substring(0, 26));
        return new Account(account, holder);
    }

    /** An account funded with {@code accountBalance} and an active card with {@code cardBalance}, in EUR. */
    public OwnedCard card(String partnerId, String accountBalance, String cardBalance) {
        return card(partnerId, accountBalance, cardBalance, "Active");
    }

    public OwnedCard card(String partnerId, String accountBalance, String cardBalance, String cardStatus) {
        long holder = person("Ada", "Lovelace");
        long account = contract(holder, "CT-ACCOUNT-CONSUMER");
        long cardContract = contract(holder, "CT-CARD");
        contracts.link(new Contract2Contract(null, ContractRef.ofId(cardContract), null,
                ContractRef.ofId(account), null, null, null, null));
        long cardId = cards.putCard(new io.anygate.tx.TxCard(io.anygate.tx.TxCardRef.ofRid(rid("C")), null, SubjectRef.ofId(holder), null,
                ContractRef.ofId(account), ContractRef.ofId(cardContract), CatalogueRef.ofRid("CP-VIRTUAL"), null,
                null, cardStatus, null, null, new io.anygate.tx.TxCard.Names("ADA LOVELACE", null, null),
                new io.anygate.tx.TxCard.Dates(null, null, null, LocalDate.now().plusYears(3), null), null, null),
                key()).objectId();
        fund(account, accountBalance);
        fund(cardContract, cardBalance);
        String op = UUID.randomUUID().toString().replace("-", "").substring(0, 26);
        accounts.register(new OwnedAccount(account, partnerId, "consumer", "EUR", holder, null), op);
        OwnedCard card = new OwnedCard(cardId, partnerId, account, cardContract, "EUR", true);
        cardOwnership.register(card, op);
        return card;
    }

    private long person(String first, String last) {
        return subjects.putSubject(new Subject(SubjectRef.ofRid(rid("S")), null, Subject.PERSON,
                SubjectDetails.person(first, last, LocalDate.of(1990, 1, 1), "Female", null,
                        List.of(first.toLowerCase() + "@example.com"), List.of("33600000000"), List.of())), key())
                .objectId();
    }

    private long contract(long holder, String type) {
        long id = contracts.putContract(new Contract(ContractRef.ofRid(rid("A")), null, CatalogueRef.ofRid(type), SubjectRef.ofId(holder),
                new ContractDetails(null, "test " + type, null, "EUR", null, null), null), key()).objectId();
        contracts.activate(ContractRef.ofId(id), key());
        return id;
    }

    /**
     * Changes a card's status in the simulator (Lost, Stolen, Blocked, Closed...): the card as read, its status
     * changed, written back whole (a PUT card replaces the card).
     */
    @SuppressWarnings("unchecked")
    public static void status(long cardId, String status) {
        Map<String, Object> card = withoutNulls(sim().queryParam("ref[id]", cardId).get("/tx/v1/card")
                .then().statusCode(200).extract().as(Map.class));
        card.put("status", status);
        card.remove("lifePhaseRid");
        sim().body(Map.of("object", card)).put("/tx/v1/card").then().statusCode(200);
    }

    /**
     * Reports a card's parcel as TX's card bureau does (docs/tx-contract.md, Card logistics): the card as read, with
     * the user attributes {@code TX-CARRIER} and {@code TX-TRACKING-NO} added, written back whole.
     */
    @SuppressWarnings("unchecked")
    public static void shipped(long cardId, String carrier, String trackingNumber) {
        Map<String, Object> card = withoutNulls(sim().queryParam("ref[id]", cardId).get("/tx/v1/card")
                .then().statusCode(200).extract().as(Map.class));
        List<Object> attrs = new java.util.ArrayList<>((List<Object>) card.getOrDefault("userAttrs", List.of()));
        attrs.add(Map.of("rid", "TX-CARRIER", "val", carrier));
        attrs.add(Map.of("rid", "TX-TRACKING-NO", "val", trackingNumber));
        card.put("userAttrs", attrs);
        card.remove("lifePhaseRid");
        sim().body(Map.of("object", card)).put("/tx/v1/card").then().statusCode(200);
    }

    /** A TX object as read, without the members TX answered as null: the request schemas type every member. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                out.put(k, withoutNulls((Map<String, Object>) m));
            } else if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Sets a contract's balance in the simulator. */
    public static void fund(long contract, String balance) {
        if (balance == null) {
            return;
        }
        sim().queryParam("ref[id]", contract).queryParam("accountRole", "Main").queryParam("ccy", "EUR")
                .body(Map.of("balance", new BigDecimal(balance))).put("/tx/v1/contract/balance").then()
                .statusCode(200);
    }

    /** A contract's available balance in the simulator. */
    public static BigDecimal balance(long contract) {
        String body = sim().queryParam("ref[id]", contract).get("/tx/v1/contract").then().statusCode(200)
                .extract().asString();
        return new io.restassured.path.json.JsonPath(body).using(io.restassured.path.json.config.JsonPathConfig
                .jsonPathConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .get("details.balances.available");
    }

    /** The simulator at /txsim with the sandbox credentials. */
    public static io.restassured.specification.RequestSpecification sim() {
        return given().auth().preemptive().basic("tx-sandbox", "tx-sandbox-secret").contentType(ContentType.JSON)
                .basePath("/txsim");
    }

    /** Waits up to 10 s for the simulator to have taken a call of this operation (its fault rule counts it). */
    public static void awaitSimCall(String operation) {
        await("a TX call of " + operation).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Integer calls = sim().get("/sim/faults").then().statusCode(200).extract()
                            .path("find { it.operation == '" + operation + "' }.calls");
                    return calls != null && calls > 0;
                });
    }

    private static String rid(String kind) {
        return "FX-" + kind + "-" + UUID.randomUUID();
    }

    private static TxMatchKey key() {
        return TxMatchKey.of("fx-" + UUID.randomUUID());
    }
}
