package io.anygate.domain.account;

import io.anygate.domain.Card;
import io.anygate.domain.card.OwnedCard;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Reads a card of an account and its balance from the core (port; {@code tx.TxAccountCardReader} implements it). */
public interface AccountCardReader {

    /** A card with the available balance of its card contract. */
    record CardWithBalance(Card card, BigDecimal balance) {
    }

    /**
     * Each card as TX knows it, in the same order; empty where TX has no such card. The core may read several
     * at once.
     */
    List<Optional<CardWithBalance>> readAll(List<OwnedCard> cards);
}
