package io.anygate.domain.money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What an unload needs to know of a card in the core before anything is journaled: the card as a load reads it,
 * and what its card contract holds.
 *
 * @param card the card's standing and use rule
 * @param available the card contract's available balance; empty when TX cannot tell right now (TX then decides)
 */
public record CardHolding(MoneyCard card, Optional<BigDecimal> available) {
}
