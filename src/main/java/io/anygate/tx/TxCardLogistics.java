package io.anygate.tx;

import io.anygate.domain.card.CardCoreUnavailable;
import io.anygate.domain.card.CardLogistics;
import io.anygate.domain.card.CardShipment;
import io.anygate.domain.card.TrackingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Card delivery on TX ({@code GET card}): TX's card has no carrier or tracking number field, so the card bureau's
 * shipment is reported in the card's user attributes ({@code userAttrs}, rids from {@link TrackingConfig});
 * a card collected at a branch ({@code logistics.deliveryBranchName}) has no parcel. docs/tx-contract.md,
 * "Card logistics".
 */
@ApplicationScoped
public class TxCardLogistics implements CardLogistics {

    @Inject
    TxCardCalls cards;
    @Inject
    TrackingConfig config;

    @Override
    public Optional<CardShipment> shipment(long cardId) {
        TxCard card;
        try {
            card = cards.card(TxCardRef.ofId(cardId));
        } catch (TxNotFoundException e) {
            return Optional.empty();
        } catch (TxUnavailableException | TxTimeoutException | TxUnauthorizedException e) {
            throw new CardCoreUnavailable("the card processor is unavailable", e);
        }
        return shipment(card, config.carrierAttr(), config.trackingNumberAttr());
    }

    /** The shipment a TX card reports, if any. */
    static Optional<CardShipment> shipment(TxCard card, String carrierAttr, String numberAttr) {
        TxCard.Logistics logistics = card.logistics();
        if (logistics != null && !blank(logistics.deliveryBranchName())) {
            return Optional.empty();
        }
        String carrier = card.userAttr(carrierAttr);
        String number = card.userAttr(numberAttr);
        return blank(carrier) || blank(number) ? Optional.empty()
                : Optional.of(new CardShipment(carrier.trim(), number.trim()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
