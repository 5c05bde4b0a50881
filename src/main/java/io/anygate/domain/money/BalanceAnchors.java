package io.anygate.domain.money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The last balance of a contract known exactly, with the transaction it follows (port; the store keeps one per
 * contract, shared by the replicas). {@link BalanceAfter} finds a balance after a transaction from the contract's
 * balance read at one quiet moment; on a contract whose transactions keep landing that moment may not come for a
 * long time, and the balances after its newer transactions are then counted forward from the anchor instead.
 */
public interface BalanceAnchors {

    /** The contract's balance right after its transaction {@code tranId} (0: before its first transaction). */
    record Anchor(long tranId, BigDecimal balance) {
    }

    Optional<Anchor> find(long contractId);

    /** Keeps {@code anchor} unless the contract has one after a later transaction already (never moves back). */
    void save(long contractId, Anchor anchor);
}
