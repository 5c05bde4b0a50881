package io.anygate.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A full partner scenario with every log record captured (as emitted, before the console's redaction): no card
 * number, CVV, PIN, password, client secret, token or private key appears. Besides the token and apicheck calls,
 * the test walks every versioned route of the served OpenAPI document with sensitive values in each parameter,
 * so routes added later are covered without editing it.
 */
@QuarkusTest
class SecretsNotLoggedTest {

    static final String PAN = "4970109876543213";
    static final String PIN = "8351";
    static final String CVV = "947";
    static final String WRONG_PASSWORD = "Wr0ng-Passw0rd-7c1f";
    static final String FAKE_TOKEN = "fake-token-2b9d0c7e41aa";
    /** A card number as a log line could show it: 13-19 digits starting with a card network digit (2-6). */
    static final Pattern PAN_RUN = Pattern.compile("(?<!\\d)[2-6]\\d{12,18}(?!\\d)");
    static final Pattern SENSITIVE_FIELD = Pattern.compile("(?i).*(pan|card_number|cvv|cvc|cvv2|pin|password|secret|token).*");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aFullScenarioLogsNoSecret() throws Exception {
        TestPartner alpha = TestPartner.ALPHA;
        Set<String> secrets = new LinkedHashSet<>(List.of(alpha.clientSecret(), alpha.password(), WRONG_PASSWORD,
                FAKE_TOKEN, "tx-sandbox-secret", "test-admin-token"));
        secrets.addAll(pemLines(Path.of("src/test/resources/partners/keys/alpha-private.pem")));
        secrets.addAll(pemLines(Path.of("target/test-data/sandbox/private-key.pem")));
        Set<String> shortSecrets = new LinkedHashSet<>(List.of(PIN, CVV));

        LogCapture capture = LogCapture.install();
        try {
            Response token = EdgeClient.tokenResponse(alpha, EdgeClient.signed(alpha));
            assertEquals(200, token.statusCode(), token.asString());
            String accessToken = token.jsonPath().getString("body.access_token");
            secrets.add(accessToken);
            secrets.add(token.jsonPath().getString("body.refresh_token"));
            secrets.addAll(pemLines(Path.of("target/test-data/sandbox/gateway-signing-key.pem")));

            // The money and card-secret happy path: account, card, load, unload, PIN, PAN.
            happyPath(alpha, accessToken, secrets, shortSecrets);

            TestPartner wrong = new TestPartner(alpha.partnerId(), alpha.clientId(), alpha.clientSecret(),
                    alpha.username(), WRONG_PASSWORD, alpha.key());
            assertEquals(401, EdgeClient.tokenResponse(wrong, EdgeClient.signed(wrong)).statusCode());
            assertEquals(200, EdgeClient.apicheck(alpha, accessToken).statusCode());
            assertEquals(401, EdgeClient.apicheck(alpha, FAKE_TOKEN).statusCode());
            EdgeClient.signed(alpha).header("Authorization", "Bearer " + accessToken)
                    .contentType("application/x-www-form-urlencoded").formParam("test_param", PAN)
                    .post("/v1.0/apicheck").then().statusCode(200);
            given().get("/v1.0/cards/" + PAN + "/pin").then().statusCode(401);

            for (String[] route : versionedRoutes()) {
                Response r = call(alpha, accessToken, route[0], route[1], route[2]);
                collectSensitive(json.readTree(r.asByteArray().length == 0 ? new byte[] {'{', '}'} : r.asByteArray()),
                        null, secrets, shortSecrets);
                assertTrue(r.statusCode() < 500, route[0] + " " + route[1] + " answered " + r.statusCode() + ": "
                        + r.asString());
            }
        } finally {
            capture.uninstall();
        }

        List<String> lines = capture.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("/v1.0/apicheck")), "the access log was captured");
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            for (String secret : secrets) {
                if (secret != null && !secret.isBlank() && line.contains(secret)) {
                    leaks.add("secret [" + secret.substring(0, Math.min(6, secret.length())) + "...] in: " + line);
                }
            }
            for (String secret : shortSecrets) {
                if (Pattern.compile("(?<![\\d.:,+-])" + Pattern.quote(secret) + "(?![\\d])").matcher(line).find()
                        && Pattern.compile("(?i)(pin|cvv|cvc)\\W{0,3}" + Pattern.quote(secret)).matcher(line).find()) {
                    leaks.add("PIN/CVV in: " + line);
                }
            }
            Matcher pan = PAN_RUN.matcher(line);
            while (pan.find()) {
                if (luhn(pan.group())) {
                    leaks.add("card number in: " + line);
                }
            }
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    /** Opens a business account, orders cards, loads and unloads one, reads its PIN and a single-use card's PAN. */
    private void happyPath(TestPartner alpha, String token, Set<String> secrets, Set<String> shortSecrets) {
        Response acc = EdgeClient.signed(alpha).header("Authorization", "Bearer " + token)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.ofEntries(Map.entry("acc_type", "business"), Map.entry("acc_currency", "EUR"),
                        Map.entry("user_gender", "F"), Map.entry("user_first_name", "Alice"),
                        Map.entry("user_last_name", "Martin"), Map.entry("user_dob", "1985-04-12"),
                        Map.entry("user_pob", "Lyon"), Map.entry("user_email", "alice@example.com"),
                        Map.entry("user_mobile_number", "33600000001"), Map.entry("user_addr_line_1", "1 rue X"),
                        Map.entry("user_addr_zip", "75002"), Map.entry("user_addr_city", "Paris"),
                        Map.entry("user_addr_cc", "fr"), Map.entry("user_nationality", "fr"),
                        Map.entry("corp_name", "Acme SA"), Map.entry("corp_regnum", "B123456"),
                        Map.entry("corp_type", "SA"), Map.entry("corp_activity", "Widgets"),
                        Map.entry("corp_addr_line_1", "2 avenue Louise"), Map.entry("corp_addr_zip", "1050"),
                        Map.entry("corp_addr_city", "Bruxelles"), Map.entry("corp_addr_cc", "be")))
                .post("/v1.0/accounts");
        assertEquals(200, acc.statusCode(), acc.asString());
        long accId = acc.jsonPath().getLong("body.acc_id");
        String multi = order(alpha, token, accId, "VIRTUAL_MULTI_USE");
        String single = order(alpha, token, accId, "VIRTUAL_SINGLE_USE");
        for (String kind : List.of("credit", "debit")) {
            Response r = EdgeClient.signed(alpha).header("Authorization", "Bearer " + token)
                    .contentType("application/x-www-form-urlencoded").formParam("amount", "5")
                    .formParam("acc_comment", "c").formParam("card_comment", "c")
                    .post("/v1.0/cards/" + multi + "/" + kind);
            assertEquals(200, r.statusCode(), kind + ": " + r.asString());
        }
        Response pin = EdgeClient.signed(alpha).header("Authorization", "Bearer " + token)
                .queryParam("cvc", "000").get("/v1.0/cards/" + multi + "/pin");
        assertEquals(200, pin.statusCode(), pin.asString());
        shortSecrets.add(pin.jsonPath().getString("body.pin"));
        Response pan = EdgeClient.signed(alpha).header("Authorization", "Bearer " + token)
                .get("/v1.0/cards/" + single + "/pan");
        assertEquals(200, pan.statusCode(), pan.asString());
        String clearPan = pan.jsonPath().getString("body.pan");
        String cvv = pan.jsonPath().getString("body.cvv");
        assertTrue(clearPan != null && clearPan.length() >= 13, "a single-use card's PAN is served: " + pan.asString());
        secrets.add(clearPan);
        shortSecrets.add(cvv);
    }

    private String order(TestPartner alpha, String token, long accId, String type) {
        Response card = EdgeClient.signed(alpha).header("Authorization", "Bearer " + token)
                .contentType("application/x-www-form-urlencoded").formParam("acc_id", accId)
                .formParam("card_name", "ACME PAY").formParam("card_type", type)
                .formParam("expiry_date", java.time.LocalDate.now().plusYears(1).toString())
                .formParam("amount", "20").post("/v1.0/cards");
        assertEquals(200, card.statusCode(), type + ": " + card.asString());
        return card.jsonPath().getString("body.card_ref");
    }

    /** [method, path, operation JSON] of every versioned operation of the partner document. */
    private List<String[]> versionedRoutes() throws Exception {
        JsonNode doc = json.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        List<String[]> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/v")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                out.add(new String[] {op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue().toString()});
            }
        }
        assertTrue(out.size() >= 2, "the OpenAPI document lists the versioned routes: " + out.size());
        return out;
    }

    private Response call(TestPartner partner, String token, String method, String template, String operation)
            throws Exception {
        JsonNode op = json.readTree(operation);
        String path = template.replaceAll("\\{[^}]+}", PAN);
        RequestSpecification spec = EdgeClient.signed(partner).header("Authorization", "Bearer " + token);
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asText())) {
                spec.queryParam(p.path("name").asText(), valueFor(p.path("name").asText()));
            }
        }
        JsonNode form = op.path("requestBody").path("content").path("application/x-www-form-urlencoded")
                .path("schema").path("properties");
        if (!form.isMissingNode()) {
            spec.contentType("application/x-www-form-urlencoded");
            form.fieldNames().forEachRemaining(name -> spec.formParam(name, valueFor(name)));
        }
        return spec.request(method, path);
    }

    static String valueFor(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("pin")) {
            return PIN;
        }
        if (n.contains("cvv") || n.contains("cvc")) {
            return CVV;
        }
        if (n.contains("password")) {
            return WRONG_PASSWORD;
        }
        return PAN;
    }

    /** Sensitive values a response carried (card secrets from TX): they must not be logged either. */
    static void collectSensitive(JsonNode node, String field, Set<String> secrets, Set<String> shortSecrets) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collectSensitive(e.getValue(), e.getKey(), secrets, shortSecrets));
        } else if (node.isArray()) {
            node.forEach(n -> collectSensitive(n, field, secrets, shortSecrets));
        } else if (field != null && node.isValueNode() && SENSITIVE_FIELD.matcher(field).matches()
                && !node.asText().isBlank()) {
            (node.asText().length() >= 6 ? secrets : shortSecrets).add(node.asText());
        }
    }

    static List<String> pemLines(Path pem) throws Exception {
        if (!Files.exists(pem)) {
            return List.of();
        }
        return Files.readAllLines(pem).stream().filter(l -> !l.startsWith("-----") && l.length() >= 16).toList();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
