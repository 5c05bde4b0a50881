package io.anygate.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tracking link of a parcel: the carrier's template, matched ignoring case, with the number URL-encoded. */
class OrderTrackingLinkTest {

    private static final Map<String, String> TEMPLATES = Map.of(
            "dhl", "https://dhl.example/t?id={tracking_number}",
            "Sandbox-Post", "https://sandbox-post.example/track/{tracking_number}");

    @Test
    void carrierMatchedIgnoringCaseAndNumberEncoded() {
        assertEquals(Optional.of("https://dhl.example/t?id=JD+01%2F2%26x%3D1"),
                OrderTracking.link(TEMPLATES, new CardShipment("DHL", "JD 01/2&x=1")));
        assertEquals(Optional.of("https://sandbox-post.example/track/SBX000000001000"),
                OrderTracking.link(TEMPLATES, new CardShipment("sandbox-post", "SBX000000001000")));
    }

    @Test
    void carrierWithoutTemplateHasNoLink() {
        assertTrue(OrderTracking.link(TEMPLATES, new CardShipment("Pigeon Express", "P-1")).isEmpty());
    }
}
