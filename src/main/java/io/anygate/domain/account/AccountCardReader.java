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

    /** The card as TX knows it; empty when TX has no such card. */
    Optional<CardWithBalance> read(OwnedCard card);

    /** {@link #read} of each card, in the same order; the core may read several at once. */
    List<Optional<CardWithBalance>> readAll(List<OwnedCard> cards);
}
