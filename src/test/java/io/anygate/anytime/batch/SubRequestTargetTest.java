package io.anygate.anytime.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.anytime.forms.MultiRequestForm.SubRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which uris a batch may reach on the gateway's own listener, and what a sub-request sends there. */
class SubRequestTargetTest {

    private static SubRequest sub(String method, String uri, String query, Map<String, String> params) {
        return new SubRequest(method, uri, query, new TreeMap<>(params));
    }

    @Test
    void onlyVersionedApiPathsAreSent() {
        for (String uri : new String[] {"/v1.0/accounts", "/v1.0/cards/ANY0000001000/credit",
                "/v1.0/accounts/4680/statements/4680-799265548903", "/v2.0/accounts", "/v1.0/accounts/"}) {
            assertTrue(SubRequestTarget.of(sub("GET", uri, "", Map.of())).isPresent(), uri);
        }
        for (String uri : new String[] {"", "/", "/oauth/v2/token", "/q/metrics", "/admin/webhooks", "/txsim/tx/v1/card",
                "/v1.0", "/v1.0/../admin/x", "/v1.0/./accounts", "/v1.0//accounts", "/v1.0/accounts?x=1",
                "/v1.0/acc%2Founts", "v1.0/accounts", "/v1.0/accounts\r\nX-Injected: 1", "/v1.0/accounts#x",
                "http://other.example/v1.0/accounts"}) {
            assertTrue(SubRequestTarget.of(sub("GET", uri, "", Map.of())).isEmpty(), uri);
        }
    }

    @Test
    void aWriteCarriesItsParamsAsAFormAndAReadInItsQuery() {
        SubRequestTarget post = SubRequestTarget.of(sub("POST", "/v1.0/cards/ANY0000001000/credit", "",
                Map.of("amount", "10.50", "card_comment", "top up & more"))).orElseThrow();
        assertEquals("/v1.0/cards/ANY0000001000/credit", post.uri());
        assertArrayEquals("amount=10.50&card_comment=top+up+%26+more".getBytes(StandardCharsets.US_ASCII), post.body());
        assertTrue(post.writes());

        SubRequestTarget get = SubRequestTarget.of(sub("GET", "/v1.0/accounts/1/statements",
                "date_start=2024-01-01&limit_number=10", Map.of("limit_start", "0"))).orElseThrow();
        assertEquals("/v1.0/accounts/1/statements?date_start=2024-01-01&limit_number=10&limit_start=0", get.uri());
        assertEquals("/v1.0/accounts/1/statements", get.path());
        assertNull(get.body());
    }

    @Test
    void theQueryStringKeepsItsEscapesAndEncodesWhatAUriCannotHold() {
        assertEquals("a=1&b=%20x", SubRequestTarget.query("?a=1&b=%20x"));
        assertEquals("a=x%20y%0D%0AHost:%20evil&c=%25zz%23f", SubRequestTarget.query("a=x y\r\nHost: evil&c=%zz#f"));
        assertEquals("n=%C3%A9%F0%9F%98%80", SubRequestTarget.query("n=é😀"));
        assertEquals("", SubRequestTarget.query(null));
    }

    @Test
    void aCvcIsSeenWhereverTheEchoOfASubRequestNamesIt() {
        assertTrue(MultiRequestResource.echoesCvc(sub("GET", "/v1.0/cards/ANY1/pin", "cvc=123", Map.of())));
        assertTrue(MultiRequestResource.echoesCvc(sub("GET", "/v1.0/cards/ANY1/pin", "a=1&%63V%43=123", Map.of())));
        assertTrue(MultiRequestResource.echoesCvc(sub("GET", "/v1.0/cards/ANY1/pin", "", Map.of("cvc", "123"))));
        assertTrue(MultiRequestResource.echoesCvc(sub("GET", "/v1.0/cards/ANY1/pin?cvc=123", "", Map.of())));
        assertTrue(!MultiRequestResource.echoesCvc(sub("POST", "/v1.0/cards/ANY1/credit", "%zz",
                Map.of("amount", "10"))));
    }

    @Test
    void subRequestKeysAreStablePerBatchKeyAndIndex() {
        String k0 = SubRequestDispatcher.subKey("my-batch-key", 0);
        assertEquals(k0, SubRequestDispatcher.subKey("my-batch-key", 0));
        assertNotEquals(k0, SubRequestDispatcher.subKey("my-batch-key", 1));
        assertNotEquals(k0, SubRequestDispatcher.subKey("other-key", 0));
        // within the Idempotency-Key rules: printable ASCII, at most 128 characters, whatever the batch key
        String longest = SubRequestDispatcher.subKey("x".repeat(128), 19);
        assertTrue(longest.matches("[\\x20-\\x7E]{1,128}"), longest);
    }
}
