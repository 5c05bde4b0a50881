package io.anygate.security;

import static io.anygate.testsupport.EdgeClient.signed;
import static io.anygate.testsupport.EdgeClient.tokenResponse;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Rate limits (off in sandbox, switched on here): per IP 4290010, per API user 4290030, per functionality 4290020.
 * Each test speaks for its own client address through X-Forwarded-For (loopback is a trusted proxy here), so
 * that counters of one test never limit another. The window is so long that it never rolls over during a run.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

    /** Rate limits on, small per-IP limit. */
    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> map = overrides();
            map.put(OwnDatabase.URL_KEY, OwnDatabase.h2Url("rate-limit"));
            return map;
        }
    }

    static Map<String, String> overrides() {
        Map<String, String> map = new HashMap<>();
        map.put("gateway.security.rate-limit.enabled", "true");
        map.put("gateway.security.rate-limit.window", "876000h");
        map.put("gateway.security.rate-limit.per-ip", "8");
        map.put("gateway.security.trusted-proxies", "127.0.0.0/8");
        return map;
    }

    /** A fresh TEST-NET address per test run so counters start at zero even on a reused database. */
    static String freshIp() {
        int n = Math.floorMod(UUID.randomUUID().hashCode(), 250) + 1;
        return "192.0.2." + n;
    }

    /** A fresh /64 of the IPv6 documentation range per test run, as {@code 2001:db8:x:y:}. */
    static String freshIpv6Network() {
        UUID u = UUID.randomUUID();
        return String.format("2001:db8:%x:%x:", u.getMostSignificantBits() & 0xFFFF, u.getLeastSignificantBits() & 0xFFFF);
    }

    Response unauthenticatedApicheck(String ip) {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer x").header("X-Validation-Data", "v")
                .header("X-Signed-Request", "s").header("X-Forwarded-For", ip).get("/v1.0/apicheck");
    }

    Response apicheck(TestPartner p, String token, String ip) {
        return signed(p).header("Authorization", "Bearer " + token).header("X-Forwarded-For", ip).get("/v1.0/apicheck");
    }

    String token(TestPartner p, String ip) {
        return tokenResponse(p, signed(p).header("X-Forwarded-For", ip)).then().statusCode(200)
                .extract().jsonPath().getString("body.access_token");
    }

    @Test
    void perApiUserLimit() {
        // rho: per_user 3
        String ip = "127.0.0." + (Math.floorMod(UUID.randomUUID().hashCode(), 200) + 20);
        String token = token(TestPartner.RHO, ip);
        int ok = 0;
        Response r;
        do {
            r = apicheck(TestPartner.RHO, token, ip);
            ok += r.statusCode() == 200 ? 1 : 0;
        } while (r.statusCode() == 200 && ok < 10);
        r.then().statusCode(429).body("body.error.code", equalTo(4290030))
                .body("body.error.exception", equalTo("MaxQueryRateByApiUserReachedException"));
    }

    @Test
    void perFunctionalityLimit() {
        // sigma: per_functionality 2, per_user 100
        String ip = "127.0.1." + (Math.floorMod(UUID.randomUUID().hashCode(), 200) + 20);
        String token = token(TestPartner.SIGMA, ip);
        int ok = 0;
        Response r;
        do {
            r = apicheck(TestPartner.SIGMA, token, ip);
            ok += r.statusCode() == 200 ? 1 : 0;
        } while (r.statusCode() == 200 && ok < 10);
        r.then().statusCode(429).body("body.error.code", equalTo(4290020))
                .body("body.error.exception", equalTo("MaxQueryRateByFunctionalityReachedException"));
    }

    @Test
    void perIpLimit() {
        String ip = freshIp();
        assertEquals(9, callsUntilRefused(call -> ip), "eight calls from the address pass, the ninth is refused");
    }

    @Test
    void perIpLimitCountsAnIpv6ClientByItsSlash64() {
        // A client owns its whole /64: a new address per call must not give it a new budget (per-ip 8 here).
        String network = freshIpv6Network();
        assertEquals(9, callsUntilRefused(call -> network + "a:b:c:" + Integer.toHexString(call)),
                "eight calls from the /64 pass, the ninth is refused");
        // Another /64 is another client, with a budget of its own.
        unauthenticatedApicheck(freshIpv6Network() + ":1").then().statusCode(401);
    }

    @Test
    void anIpv4MappedAddressCountsAsItsIpv4Address() {
        String ip = "198.51.100." + (Math.floorMod(UUID.randomUUID().hashCode(), 250) + 1);
        assertEquals(9, callsUntilRefused(call -> call % 2 == 0 ? ip : "::ffff:" + ip),
                "one counter for both spellings: eight calls pass, the ninth is refused");
    }

    /** Calls from {@code ipOfCall} (given the call's number, from 1) until the per-IP limit refuses one; how many. */
    int callsUntilRefused(IntFunction<String> ipOfCall) {
        for (int call = 1; call <= 20; call++) {
            Response r = unauthenticatedApicheck(ipOfCall.apply(call));
            if (r.statusCode() == 429) {
                r.then().body("body.error.code", equalTo(4290010))
                        .body("body.error.exception", equalTo("MaxQueryRateByIpReachedException"));
                return call;
            }
        }
        throw new AssertionError("20 calls and none refused by the per-IP limit");
    }
}
