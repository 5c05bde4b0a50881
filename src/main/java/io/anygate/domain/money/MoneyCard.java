package io.anygate.domain.money;

/**
 * What a load or unload needs to know of a card in the core, read once before anything is journaled.
 *
 * @param standing whether the card may receive or give money
 * @param singleUse a {@code VIRTUAL_SINGLE_USE} card: it takes one load only (docs/mapping.md)
 */
public record MoneyCard(CardStanding standing, boolean singleUse) {
}
