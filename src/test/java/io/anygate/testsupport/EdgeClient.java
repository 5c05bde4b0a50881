package io.anygate.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes Anytime calls the way the PHP SDK does: signed X-Validation-Data, form parameters, Bearer token. */
public final class EdgeClient {

    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":([0-9.]+),");
    private static final Pattern HASH = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"");

    private EdgeClient() {
    }

    /** Like the SDK: sha1(microtime . rand). */
    public static String freshValidationData() {
        return sha1(System.nanoTime() + UUID.randomUUID().toString());
    }

    public static String sign(PrivateKey key, String data) {
        try {
            Signature s = Signature.getInstance("SHA1withRSA");
            s.initSign(key);
            s.update(data.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request carrying a fresh validation data signed by the partner's key. */
    public static RequestSpecification signed(TestPartner partner) {
        return signedWith(partner.key(), freshValidationData());
    }

    public static RequestSpecification signedWith(PrivateKey key, String data) {
        return given().header("X-Validation-Data", data).header("X-Signed-Request", sign(key, data));
    }

    public static Response tokenResponse(TestPartner p, RequestSpecification spec) {
        return spec.contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", p.clientId())
                .formParam("client_secret", p.clientSecret()).formParam("username", p.username())
                .formParam("password", p.password())
                .post("/oauth/v2/token");
    }

    public static String token(TestPartner p) {
        Response r = tokenResponse(p, signed(p));
        assertEquals(200, r.statusCode(), r.asString());
        String token = r.jsonPath().getString("body.access_token");
        assertNotNull(token);
        return token;
    }

    public static Response apicheck(TestPartner p, String token) {
        return signed(p).header("Authorization", "Bearer " + token).get("/v1.0/apicheck");
    }

    /** Checks the envelope as the SDK does: the hash over the timestamp text as PHP prints it, and the username. */
    public static void assertEnvelope(Response r, String username) {
        String body = r.asString();
        Matcher ts = TIMESTAMP.matcher(body);
        Matcher hash = HASH.matcher(body);
        assertTrue(ts.find() && hash.find(), body);
        assertEquals(sha256(phpString(Double.parseDouble(ts.group(1))) + "|" + username), hash.group(1), body);
        assertTrue(r.jsonPath().getLong("request_id") > 0, body);
        assertEquals("sync", r.jsonPath().getString("type_response"));
    }

    /** PHP 7/8 {@code (string)$float} with precision=14: 14 significant digits, trailing zeros dropped. */
    public static String phpString(double value) {
        java.math.BigDecimal exact = new java.math.BigDecimal(value);
        java.math.BigDecimal rounded = exact.round(new java.math.MathContext(14, java.math.RoundingMode.HALF_EVEN));
        String text = rounded.stripTrailingZeros().toPlainString();
        return text;
    }

    /** Verifies X-Gateway-Signature over the exact body bytes with the PEM key from the well-known path. */
    public static boolean gatewaySignatureValid(Response r, String publicKeyPem) {
        try {
            String b64 = publicKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(r.asByteArray());
            return s.verify(Base64.getDecoder().decode(r.header("X-Gateway-Signature")));
        } catch (Exception e) {
            return false;
        }
    }

    public static String sha256(String text) {
        return digest("SHA-256", text);
    }

    static String sha1(String text) {
        return digest("SHA-1", text);
    }

    private static String digest(String alg, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
