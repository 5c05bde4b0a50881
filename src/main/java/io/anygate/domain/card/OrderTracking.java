package io.anygate.domain.card;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The tracking link of a card order. An order id is the id of the card the order made, so the partner's orders are
 * its cards: any other id is {@link CardRefused.Reason#CARD_NOT_OWNED}. The link exists once the card core reports a
 * carrier and a tracking number and the carrier has a configured link template.
 */
@ApplicationScoped
public class OrderTracking {

    static final String NUMBER_PLACEHOLDER = "{tracking_number}";
    private static final Logger LOG = Logger.getLogger(OrderTracking.class);

    @Inject
    CardQueries cards;
    @Inject
    CardLogistics logistics;
    @Inject
    TrackingConfig config;

    /** The order's tracking link; empty while there is none. */
    public Optional<String> link(String partnerId, long orderId) {
        OwnedCard card = cards.owned(partnerId, orderId);
        return logistics.shipment(card.cardId()).flatMap(s -> {
            Optional<String> link = link(config.carriers(), s);
            if (link.isEmpty()) {
                // an operator's fix: the carrier needs a template (docs/operations.md, Order tracking)
                LOG.warnf("order %d: no tracking link template for carrier '%s'", orderId, s.carrier());
            }
            return link;
        });
    }

    /** The link of a shipment from the templates, by carrier name ignoring case. */
    static Optional<String> link(Map<String, String> templates, CardShipment s) {
        return templates.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(s.carrier()))
                .map(Map.Entry::getValue).findFirst()
                .map(t -> t.replace(NUMBER_PLACEHOLDER, URLEncoder.encode(s.trackingNumber(), StandardCharsets.UTF_8)));
    }
}
