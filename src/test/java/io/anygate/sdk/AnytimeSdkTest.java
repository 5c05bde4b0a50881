package io.anygate.sdk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.store.Store;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official Anytime PHP SDK (the client most integrators run, used unmodified) against the gateway with its
 * embedded TX simulator: every route the SDK has, each answer read through the SDK's models with its hash checked
 * by the SDK, and the error paths as the SDK's exception classes and codes. The checks are PHP scripts in
 * {@code src/test/php/}; each of their checks is one dynamic test here, named after the route. See
 * docs/mapping.md, "The official PHP SDK". Partner {@code sdk} of the test partners file is theirs alone.
 */
@QuarkusTest
class AnytimeSdkTest {

    static final TestPartner SDK = new TestPartner("sdk", "sdk-client", "delta-secret", "sdk-user", "delta-pass",
            TestPartner.privateKey("/partners/keys/delta-private.pem"));

    @TestHTTPResource("/")
    URL gateway;
    @Inject
    CardFixture fixtures;
    @Inject
    Store store;

    @TestFactory
    Stream<DynamicTest> everyRoute() throws Exception {
        Stream<DynamicTest> unavailable = PhpSdk.unavailable();
        return unavailable != null ? unavailable : PhpSdk.run("routes.php", config());
    }

    @TestFactory
    Stream<DynamicTest> errorPaths() throws Exception {
        Stream<DynamicTest> unavailable = PhpSdk.unavailable();
        if (unavailable != null) {
            return unavailable;
        }
        Map<String, Object> config = config();
        config.put("expired_token", expiredToken());
        return PhpSdk.run("errors.php", config);
    }

    private Map<String, Object> config() {
        Map<String, Object> partner = new LinkedHashMap<>();
        partner.put("client_id", SDK.clientId());
        partner.put("client_secret", SDK.clientSecret());
        partner.put("username", SDK.username());
        partner.put("password", SDK.password());
        partner.put("private_key_file", keyFile("delta-private.pem"));
        OwnedCard foreign = fixtures.card(TestPartner.ALPHA.partnerId(), "100.00", "10.00");
        // shipped: its tracking data exists, and is still not the sdk partner's to read
        CardFixture.shipped(foreign.cardId(), "DHL", "JD0146000099");
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("card_ref", CardRef.ofTxCard(foreign.cardId()).value());
        other.put("acc_id", foreign.accountId());
        other.put("order_id", foreign.cardId());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("port", gateway.getPort());
        config.put("partner", partner);
        config.put("wrong_private_key_file", keyFile("alpha-private.pem"));
        config.put("other_partner", other);
        // an order of the sdk partner whose parcel TX reports (as its card bureau would): orderTracking has a link
        OwnedCard shipped = fixtures.card(SDK.partnerId(), "100.00", "10.00");
        CardFixture.shipped(shipped.cardId(), "DHL", "JD0146000012");
        Map<String, Object> tracked = new LinkedHashMap<>();
        tracked.put("order_id", shipped.cardId());
        tracked.put("tracking_link", "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html"
                + "?submit=1&tracking-id=JD0146000012");
        config.put("shipped_order", tracked);
        return config;
    }

    /** A token of the partner, then expired in the store: the partner's only valid-looking token. */
    private String expiredToken() throws Exception {
        String token = EdgeClient.token(SDK);
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE oauth_token SET expires_at = ? WHERE partner_id = ?")) {
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));
            ps.setString(2, SDK.partnerId());
            assertTrue(ps.executeUpdate() >= 1, "the token was stored");
        }
        return token;
    }

    private static String keyFile(String name) {
        return PhpSdk.repo().resolve(Path.of("src/test/resources/partners/keys", name)).toString();
    }
}
