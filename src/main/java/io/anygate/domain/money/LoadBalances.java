package io.anygate.domain.money;

import java.math.BigDecimal;

/**
 * The available balances of a card's account contract and card contract, read together right after a load or an
 * unload (the answer's {@code acc_balance_after} and {@code card_balance_after}, a gateway extension). Not a per-transaction figure: an
 * operation on the same account or card that completes in between is included; the exact balance after each
 * transaction is the {@code card_last_tx} webhook's ({@link BalanceAfter}).
 */
public record LoadBalances(BigDecimal account, BigDecimal card) {
}
