package io.anygate.txsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The card bureau behind the simulated TX: a plastic card ordered for delivery to an address is handed to a carrier
 * {@code delay} after its order, and from then on TX reports the carrier and the parcel's tracking number in the
 * card's user attributes ({@code card.userAttrs}, the spec's only place for installation-defined card data;
 * docs/tx-contract.md, "Card logistics"). A virtual card and a card to be collected at a branch
 * ({@code logistics.deliveryBranchName}) are never shipped.
 */
final class Shipments {

    /** User attribute rids TX reports the shipment under (the gateway's defaults read the same rids). */
    static final String CARRIER_ATTR = "TX-CARRIER";
    static final String TRACKING_NUMBER_ATTR = "TX-TRACKING-NO";
    static final String PHYSICAL_PRODUCT = "CP-PHYSICAL";

    private final Duration delay;
    private final String carrier;

    Shipments(Duration delay, String carrier) {
        this.delay = delay;
        this.carrier = carrier;
    }

    /** No card is ever shipped (the simulator built without settings, as unit tests do). */
    static Shipments none() {
        return new Shipments(null, null);
    }

    /** Adds the shipment's attributes to the card view {@code out} once the card has been handed to the carrier. */
    void report(SimCard c, ObjectNode out, long nowMs) {
        if (delay == null || !shipped(c, nowMs)) {
            return;
        }
        ArrayNode attrs = out.has("userAttrs") && out.get("userAttrs").isArray() ? (ArrayNode) out.get("userAttrs")
                : out.putArray("userAttrs");
        if (!has(attrs, CARRIER_ATTR)) {
            attrs.addObject().put("rid", CARRIER_ATTR).put("val", carrier);
        }
        if (!has(attrs, TRACKING_NUMBER_ATTR)) {
            attrs.addObject().put("rid", TRACKING_NUMBER_ATTR).put("val", trackingNumber(c));
        }
    }

    private boolean shipped(SimCard c, long nowMs) {
        if (!PHYSICAL_PRODUCT.equals(c.productRid) || c.body == null) {
            return false;
        }
        JsonNode logistics = c.body.path("logistics");
        boolean toAddress = logistics.path("deliveryAddress").isObject();
        boolean toBranch = !logistics.path("deliveryBranchName").asText("").isBlank();
        if (!toAddress || toBranch) {
            return false;
        }
        return nowMs >= c.orderedAtMs + delay.toMillis();
    }

    /** The parcel number: stable for the card, so every read after the shipment tells the same. */
    static String trackingNumber(SimCard c) {
        return "SBX" + String.format("%012d", c.id);
    }

    private static boolean has(ArrayNode attrs, String rid) {
        for (JsonNode a : attrs) {
            if (rid.equals(a.path("rid").asText(null))) {
                return true;
            }
        }
        return false;
    }
}
