package io.anygate.security;

import static io.anygate.testsupport.EdgeClient.signed;
import static io.anygate.testsupport.EdgeClient.tokenResponse;
import static org.hamcrest.Matchers.equalTo;

import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** PCI DSS 8.3.4: after 10 failed attempts the user is locked out, even with the right password. */
@QuarkusTest
class LockoutTest {

    @Test
    void tenFailuresLockTheUserOut() {
        TestPartner delta = TestPartner.DELTA;
        TestPartner wrong = new TestPartner(delta.partnerId(), delta.clientId(), delta.clientSecret(), delta.username(),
                "wrong-password", delta.key());
        for (int i = 0; i < 10; i++) {
            tokenResponse(wrong, signed(wrong)).then().statusCode(401).body("body.error.code", equalTo(4010040));
        }
        tokenResponse(delta, signed(delta)).then().statusCode(401)
                .body("body.error.code", equalTo(4010010))
                .body("body.error.exception", equalTo("OAuth2AccessDeniedException"));
    }
}
