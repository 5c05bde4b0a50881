package io.anygate.anytime.accounts;

import static io.anygate.testsupport.EdgeClient.signed;

import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signed Anytime calls on the account routes, as the SDK makes them, for one partner. */
public final class AccountCalls {

    static final TestPartner KAPPA = partner("kappa");
    static final TestPartner LAMBDA = partner("lambda");

    private final TestPartner partner;
    private String token;

    AccountCalls(TestPartner partner) {
        this.partner = partner;
    }

    static TestPartner partner(String id) {
        return new TestPartner(id, id + "-client", "delta-secret", id + "-user", "delta-pass",
                TestPartner.privateKey("/partners/keys/delta-private.pem"));
    }

    RequestSpecification call() {
        return signed(partner).header("Authorization", "Bearer " + token());
    }

    /** The partner's access token, asked for once. */
    String token() {
        if (token == null) {
            token = EdgeClient.token(partner);
        }
        return token;
    }

    /** The form of a consumer account, every parameter set. */
    public static Map<String, String> consumer() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("acc_type", "consumer");
        f.put("acc_currency", "EUR");
        f.put("user_gender", "F");
        f.put("user_first_name", "Alice");
        f.put("user_last_name", "Martin");
        f.put("user_dob", "1985-04-12");
        f.put("user_pob", "Lyon");
        f.put("user_email", "alice@example.com");
        f.put("user_mobile_number", "+33600000001");
        f.put("user_addr_line_1", "1 rue de la Paix");
        f.put("user_addr_line_2", "Bat B");
        f.put("user_addr_zip", "75002");
        f.put("user_addr_city", "Paris");
        f.put("user_addr_cc", "fr");
        f.put("user_nationality", "fr");
        return f;
    }

    public static Map<String, String> business() {
        Map<String, String> f = consumer();
        f.put("acc_type", "business");
        f.put("corp_name", "Acme SA");
        f.put("corp_regnum", "B123456");
        f.put("corp_type", "SA");
        f.put("corp_activity", "Widgets");
        f.put("corp_tva", "BE0123456789");
        f.put("corp_addr_line_1", "2 avenue Louise");
        f.put("corp_addr_zip", "1050");
        f.put("corp_addr_city", "Bruxelles");
        f.put("corp_addr_cc", "be");
        return f;
    }

    Response open(Map<String, String> form, String idempotencyKey) {
        RequestSpecification rq = call().contentType("application/x-www-form-urlencoded").formParams(form);
        if (idempotencyKey != null) {
            rq = rq.header("Idempotency-Key", idempotencyKey);
        }
        return rq.post("/v1.0/accounts");
    }

    long openOk(Map<String, String> form) {
        Response r = open(form, null);
        r.then().statusCode(200);
        return r.jsonPath().getLong("body.acc_id");
    }

    Response get(String path) {
        return call().get(path);
    }

    Response get(String path, Map<String, ?> query) {
        return call().queryParams(query).get(path);
    }
}
