package io.anygate.domain.money;

import io.anygate.domain.CoreTransaction;
import java.util.List;
import java.util.Optional;

/** The core's transactions, read-only (port; the TX adapter implements it with {@code GET tran} and {@code trans}). */
public interface TransactionHistory {

    /** One page of a contract's transactions (money movements, approved and declined). */
    record Page(List<CoreTransaction> transactions, boolean hasMore) {
        public Page {
            transactions = List.copyOf(transactions);
        }
    }

    /** The transaction with this TX id, empty if TX has none. */
    Optional<CoreTransaction> find(long tranId);

    /** A contract's transactions in ascending id order, skipping the first {@code offset}. */
    Page oldestFirst(long contractId, int offset, int limit);

    /** A contract's transactions in descending id order, skipping the first {@code offset}. */
    Page newestFirst(long contractId, int offset, int limit);
}
