package io.anygate.domain.money;

import io.anygate.domain.CoreTransaction;
import java.util.List;

/** The core's transactions, read-only (port; the TX adapter implements it with {@code GET trans}). */
public interface TransactionHistory {

    /** One page of a contract's transactions (money movements, approved and declined). */
    record Page(List<CoreTransaction> transactions, boolean hasMore) {
        public Page {
            transactions = List.copyOf(transactions);
        }
    }

    /** A contract's transactions in ascending id order, skipping the first {@code offset}. */
    Page oldestFirst(long contractId, int offset, int limit);

    /** A contract's transactions in descending id order, skipping the first {@code offset}. */
    Page newestFirst(long contractId, int offset, int limit);
}
