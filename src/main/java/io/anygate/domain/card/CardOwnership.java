package io.anygate.domain.card;

import java.util.List;
import java.util.Optional;

/** Which partner owns which card (port; the store implements it from the cards the gateway created). */
public interface CardOwnership {

    /**
     * The card, if it exists AND belongs to this partner. Another partner's card and a card that does not exist
     * look the same, so a partner cannot probe for other partners' cards.
     */
    Optional<OwnedCard> find(String partnerId, long cardId);

    /** The partner's cards of one account, by ascending card id. */
    List<OwnedCard> listByAccount(String partnerId, long accountId, int offset, int limit);

    long countByAccount(String partnerId, long accountId);

    /**
     * The partner's cards of one account, whatever their status, plus its card orders under way that have not
     * registered a card yet (journaled PENDING or UNKNOWN {@code CARD_ORDER} operations of the account), read in one
     * statement: an order counted here after it was journaled sees every other order journaled before its count.
     */
    long countWithOrdersUnderWay(String partnerId, long accountId);

    /** Every card of the partner, by ascending card id (the webhook follower walks them). */
    List<OwnedCard> listAll(String partnerId, long afterCardId, int limit);

    /**
     * Makes a newly created card visible to its partner: the last step of the card-order saga. Idempotent for
     * the same operation.
     */
    void register(OwnedCard card, String operationId);
}
