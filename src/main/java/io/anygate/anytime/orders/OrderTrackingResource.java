package io.anygate.anytime.orders;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.domain.card.CardRefused;
import io.anygate.domain.card.OrderTracking;
import io.anygate.security.CurrentPartner;
import io.anygate.security.Functionality;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1.0/orders/{id}/tracking} (the SDK's {@code orderTracking()}): the tracking link of a card order's
 * shipment. An order id is the TX card id the order created ({@code CardOrdered}), so the partner's own orders are
 * its own cards. The link ({@code tracking_link}) is the carrier's configured template filled with the tracking
 * number TX reports on the card ({@link OrderTracking}); until TX reports one, the document's
 * OrderNoAvailableTrackingDataException (404 4040410). Any other id is OrderIdNoRightsException (403 4030410),
 * without telling whether the order exists, and reaches no TX.
 */
@Path("/v1.0/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderTrackingResource {

    @Inject
    CurrentPartner partner;

    @Inject
    OrderTracking tracking;

    @GET
    @Path("/{id}/tracking")
    @Functionality("orders.tracking")
    public Map<String, Object> tracking(@PathParam("id") String id) {
        long orderId = orderId(id);
        Optional<String> link;
        try {
            link = tracking.link(partner.partnerId(), orderId);
        } catch (CardRefused e) {
            // an order is refused with the order's code, not the card's
            throw new AnytimeException(AnytimeError.ORDER_ID_NO_RIGHTS, "id: order not found for this partner");
        }
        return Map.of("tracking_link", link.orElseThrow(() -> new AnytimeException(
                AnytimeError.ORDER_NO_AVAILABLE_TRACKING_DATA, "id: no tracking data is available for this order yet")));
    }

    private static long orderId(String id) {
        if (id != null && id.length() <= 18 && !id.isEmpty() && id.chars().allMatch(Character::isDigit)) {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        }
        // The document names no order parameter exception; an order is a card order.
        throw new AnytimeException(AnytimeError.CARD_INVALID_PARAMETER, "id: must be a positive integer");
    }
}
