package io.anygate.anytime.cards;

import static io.anygate.testsupport.EdgeClient.signed;
import static io.anygate.testsupport.EdgeClient.token;

import io.anygate.testsupport.TestPartner;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** Signed Anytime card calls, the way the SDK makes them (form parameters, Bearer token). */
final class CardCalls {

    private static final Map<String, String> TOKENS = new HashMap<>();

    private CardCalls() {
    }

    static RequestSpecification as(TestPartner p) {
        String t = TOKENS.computeIfAbsent(p.partnerId(), k -> token(p));
        return signed(p).header("Authorization", "Bearer " + t).contentType("application/x-www-form-urlencoded");
    }

    /** Drops cached tokens (another test class may have replaced them). */
    static void reset() {
        TOKENS.clear();
    }

    static Map<String, Object> plasticOrder(long accId, String amount) {
        Map<String, Object> m = new HashMap<>();
        m.put("acc_id", accId);
        m.put("card_name", "ANNE MARTIN");
        m.put("card_type", "PLASTIC");
        m.put("expiry_date", java.time.LocalDate.now().plusYears(2).toString());
        m.put("amount", amount);
        m.put("language", "fr");
        m.put("delivery_gender", "F");
        m.put("delivery_first_name", "Anne");
        m.put("delivery_last_name", "Martin");
        m.put("delivery_addr_1", "1 rue de la Paix");
        m.put("delivery_zip", "75002");
        m.put("delivery_city", "Paris");
        m.put("delivery_cc", "fr");
        return m;
    }

    static Map<String, Object> virtualOrder(long accId, String type, String amount) {
        Map<String, Object> m = new HashMap<>();
        m.put("acc_id", accId);
        m.put("card_name", "ACME PAY");
        m.put("card_type", type);
        m.put("expiry_date", java.time.LocalDate.now().plusYears(1).toString());
        m.put("amount", amount);
        return m;
    }

    static Response order(TestPartner p, Map<String, Object> params, String idempotencyKey) {
        RequestSpecification rq = as(p).formParams(params);
        if (idempotencyKey != null) {
            rq = rq.header("Idempotency-Key", idempotencyKey);
        }
        return rq.post("/v1.0/cards");
    }

    static String orderOk(TestPartner p, Map<String, Object> params) {
        Response r = order(p, params, null);
        if (r.statusCode() != 200) {
            throw new AssertionError(r.asString());
        }
        return r.jsonPath().getString("body.card_ref");
    }
}
