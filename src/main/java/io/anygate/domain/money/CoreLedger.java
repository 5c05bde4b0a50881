package io.anygate.domain.money;

import io.anygate.domain.operation.MatchKey;
import io.anygate.domain.operation.MoneyComments;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Money in the core (port; the TX adapter implements it with contract-to-contract transfers). */
public interface CoreLedger {

    /**
     * Moves {@code amount} from one contract to another under {@code key}. Retries inside are allowed only with
     * the same key; a repeat of an applied key answers the original outcome. The partner's {@code comments} travel
     * with the transfer for the core's operators; what the partner is shown comes from the journal, not the core.
     */
    TransferOutcome transfer(long fromContractId, long toContractId, BigDecimal amount, String currency,
            MatchKey key, MoneyComments comments);

    /**
     * What TX registered under {@code key} for the transfer sent at {@code sentAt} (TX matches a key only within a
     * window after the send time it is given): empty when TX has no transaction with that key in that window, else
     * Approved or Declined. Unknown when TX cannot be asked right now.
     *
     * @param sentAt when the transfer was sent (its journaled send time)
     */
    Optional<TransferOutcome> lookup(MatchKey key, Instant sentAt);

    /**
     * The instant after which a lookup of a transfer sent at {@code sentAt} that finds nothing is final: TX
     * registers a transfer within its matching window or the key can no longer find it.
     */
    Instant registeredBy(Instant sentAt);

    /** The available balance of a contract, empty when TX cannot tell right now. */
    Optional<BigDecimal> balance(long contractId);

    /** The standing of a card in TX, read before moving money to or from it. */
    CardStanding standing(long cardId);

    /** The standing and the use rule of a card in TX, read once before moving money to or from it. */
    default MoneyCard card(long cardId) {
        return new MoneyCard(standing(cardId), false);
    }

    /**
     * For an unload: the card as {@link #card} reads it, and its card contract's available balance. Neither read
     * depends on the other, so a core that can sends them at once. A card that cannot be read fails it; a balance
     * that cannot be read is empty.
     */
    default CardHolding cardHolding(long cardId, long cardContractId) {
        MoneyCard card = card(cardId);
        Optional<BigDecimal> available;
        try {
            available = balance(cardContractId);
        } catch (RuntimeException e) {
            available = Optional.empty();
        }
        return new CardHolding(card, available);
    }
}
