package io.anygate.domain.card;

import io.anygate.domain.Card;
import io.anygate.domain.CardRestrictions;
import io.anygate.domain.CardStatus;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.operation.MatchKey;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Cards in the card core (port; the TX adapter implements it). Every write takes the matchKey of its saga step:
 * a repeat answers the original outcome, never a second object. Failures to reach the core surface as
 * {@link CardCoreUnavailable}.
 */
public interface CardCore {

    /** Creates (or, on a repeat, finds) the card's own contract; answers its id. */
    long createCardContract(String rid, long holderSubjectId, String currency, MatchKey key);

    void activateContract(long contractId, MatchKey key);

    /** Links a card contract to its account contract. */
    void linkToAccount(long cardContractId, long accountContractId, MatchKey key);

    /** Creates (or, on a repeat, finds) a card; answers its id. Virtual cards are created active. */
    long createCard(NewCard card, MatchKey key);

    /** The id of the contract the gateway created under {@code rid}, if any (to undo an interrupted order). */
    Optional<Long> contractByRid(String rid);

    /** The id of the card the gateway created under {@code rid}, if any. */
    Optional<Long> cardByRid(String rid);

    /**
     * Closes a card contract: prepares it for closure under {@code finishKey}, then closes it under
     * {@code closeKey}. A closed contract is left as it is.
     */
    void closeContract(long contractId, MatchKey finishKey, MatchKey closeKey);

    void deleteCard(long cardId, MatchKey key);

    /** The card as the domain sees it, holder included. */
    Card card(OwnedCard owned);

    /**
     * The card and the balance of its card contract together, as one answer needs them: the core may read them
     * at the same time.
     */
    CardStanding standing(OwnedCard owned);

    /** A card and its balance, read together. */
    record CardStanding(Card card, BigDecimal balance) {
    }

    /** Changes a card's status and/or restriction profile (either may be null) in one write. */
    void change(long cardId, CardStatus status, CardRestrictions restrictions, MatchKey key);

    /**
     * Replaces a card by a new one on the same contracts (same PAN and PIN; it runs as long as the old card did,
     * from today, to the end of that month); the old card is closed. Answers the new card's id.
     */
    long reissue(long cardId, String newRid, boolean active, MatchKey key);

    /** Every transaction of a contract, newest first. */
    List<CoreTransaction> history(long contractId);

    /** One transaction, if it exists. */
    Optional<CoreTransaction> transaction(long tranId);

    /** The card's secrets, read for its owner only. Never log them. */
    CardSecretValues secrets(long cardId);

    /**
     * The card's PIN (its PAN given, as the core's PIN block is bound to it), read for its owner only. Never log it.
     *
     * @throws CardPinUnreadable when the core's PIN block does not read as a PIN (key or format not the core's, or
     *                           a corrupt block): never a wrong PIN
     */
    String pin(long cardId, String pan);
}
