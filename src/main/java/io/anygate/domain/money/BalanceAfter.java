package io.anygate.domain.money;

import io.anygate.domain.CoreTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A contract's balance right after one of its transactions (TX transactions carry no balance): the contract's
 * available balance now, minus the signed amounts of the newer money-moving transactions (docs/mapping.md). The
 * newest transactions are read before and after the balance; if a transaction landed in between, it is done
 * again, so the balance and the list describe the same moment.
 */
@ApplicationScoped
public class BalanceAfter {

    private static final int PAGE = 100;
    private static final int ATTEMPTS = 3;

    @Inject
    TransactionHistory history;

    @Inject
    CoreLedger ledger;

    /** The balance after {@code tranId} on {@code contractId}, empty when TX cannot tell now. */
    public Optional<BigDecimal> of(long contractId, long tranId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Long newestBefore = newestId(contractId);
            Optional<BigDecimal> available = ledger.balance(contractId);
            if (available.isEmpty()) {
                return Optional.empty();
            }
            if (java.util.Objects.equals(newestBefore, newestId(contractId))) {
                return Optional.of(available.get().subtract(newerThan(contractId, tranId)));
            }
        }
        return Optional.empty();
    }

    /** The signed sum of money-moving transactions on the contract with an id above {@code tranId}. */
    private BigDecimal newerThan(long contractId, long tranId) {
        BigDecimal sum = BigDecimal.ZERO;
        int offset = 0;
        while (true) {
            TransactionHistory.Page page = history.newestFirst(contractId, offset, PAGE);
            for (CoreTransaction t : page.transactions()) {
                if (t.id() <= tranId) {
                    return sum;
                }
                sum = sum.add(signed(t, contractId));
            }
            if (!page.hasMore() || page.transactions().isEmpty()) {
                return sum;
            }
            offset += page.transactions().size();
        }
    }

    /** What a transaction did to the contract's balance: + credited, - debited, 0 declined. */
    public static BigDecimal signed(CoreTransaction t, long contractId) {
        if (!t.movesMoney() || t.amount() == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal amount = t.amount().abs();
        return t.directionFor(contractId) == CoreTransaction.Direction.CREDIT ? amount : amount.negate();
    }

    private Long newestId(long contractId) {
        TransactionHistory.Page page = history.newestFirst(contractId, 0, 1);
        return page.transactions().isEmpty() ? null : page.transactions().get(0).id();
    }
}
