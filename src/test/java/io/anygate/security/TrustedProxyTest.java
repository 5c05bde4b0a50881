package io.anygate.security;

import static io.anygate.testsupport.EdgeClient.signed;
import static io.anygate.testsupport.EdgeClient.tokenResponse;
import static org.hamcrest.Matchers.equalTo;

import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a trusted proxy (loopback here), X-Forwarded-For names the client: IPv4 and IPv6 CIDRs, key rotation. */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindProxy.class)
class TrustedProxyTest {

    /** The test client (loopback) is a trusted proxy. */
    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.security.trusted-proxies", "127.0.0.1/32,::1/128",
                    OwnDatabase.URL_KEY, OwnDatabase.h2Url("trusted-proxy"));
        }
    }

    static final TestPartner GAMMA = TestPartner.GAMMA;

    String token(String forwardedFor) {
        return tokenResponse(GAMMA, signed(GAMMA).header("X-Forwarded-For", forwardedFor)).then().statusCode(200)
                .extract().jsonPath().getString("body.access_token");
    }

    @Test
    void ipv6ClientInsideTheCidrIsAllowedAndOutsideIsNot() {
        String token = token("2001:db8:1::5");
        signed(GAMMA).header("Authorization", "Bearer " + token).header("X-Forwarded-For", "2001:db8:1::5")
                .get("/v1.0/apicheck").then().statusCode(200);
        signed(GAMMA).header("Authorization", "Bearer " + token).header("X-Forwarded-For", "2001:db9::5")
                .get("/v1.0/apicheck").then().statusCode(401).body("body.error.code", equalTo(4010060));
    }

    @Test
    void ipv4ClientAndSecondKeyOfARotation() {
        String token = token("198.51.100.1, 10.20.30.40");
        signed(GAMMA.withKey("gamma2-private.pem")).header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", "10.20.30.40").get("/v1.0/apicheck").then().statusCode(200);
        signed(GAMMA).header("Authorization", "Bearer " + token).header("X-Forwarded-For", "192.0.2.1")
                .get("/v1.0/apicheck").then().statusCode(401).body("body.error.code", equalTo(4010060));
    }

    @Test
    void everyForwardedForLineCountsOnTheTokenEndpointAsOnTheOthers() {
        // A proxy that adds its own line (HAProxy's option forwardfor): the caller wrote the first one.
        tokenResponse(GAMMA, signed(GAMMA).header("X-Forwarded-For", "10.1.2.3").header("X-Forwarded-For",
                "192.0.2.1")).then().statusCode(401).body("body.error.code", equalTo(4010060));
        String token = token("10.1.2.3");
        signed(GAMMA).header("Authorization", "Bearer " + token).header("X-Forwarded-For", "10.1.2.3")
                .header("X-Forwarded-For", "192.0.2.1").get("/v1.0/apicheck").then().statusCode(401)
                .body("body.error.code", equalTo(4010060));
    }
}
