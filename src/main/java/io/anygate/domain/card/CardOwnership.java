package io.anygate.domain.card;

import java.util.Optional;

/** Which partner owns which card (port; the store implements it from the cards the gateway created). */
public interface CardOwnership {

    /**
     * The card, if it exists AND belongs to this partner. Another partner's card and a card that does not exist
     * look the same, so a partner cannot probe for other partners' cards.
     */
    Optional<OwnedCard> find(String partnerId, long cardId);
}
