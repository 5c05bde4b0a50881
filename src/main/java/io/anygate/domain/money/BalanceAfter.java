package io.anygate.domain.money;

import io.anygate.domain.CoreTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A contract's balance right after its transactions (TX transactions carry no balance): the contract's available
 * balance now, minus the signed amounts of the newer money-moving transactions (docs/mapping.md). The newest
 * transaction id is read before and after the balance; if a transaction landed in between, it is done again, so the
 * balance and the list describe the same moment. Such a moment is remembered as the contract's anchor
 * ({@link BalanceAnchors}); on a contract whose transactions keep landing between the reads (a card loaded many times
 * a second), the balances are counted from the anchor instead: forward through the transactions listed since it,
 * backward through those before it. Both rest on what the quiet read does: a balance changes only by the contract's
 * listed transactions.
 */
@ApplicationScoped
public class BalanceAfter {

    private static final int PAGE = 100;
    private static final int ATTEMPTS = 3;

    @Inject
    TransactionHistory history;

    @Inject
    CoreLedger ledger;

    @Inject
    BalanceAnchors anchors;

    /** A transaction of the contract, as TX lists it, and the contract's balance right after it. */
    public record After(CoreTransaction transaction, BigDecimal balance) {
    }

    /** The balance after {@code tranId} on {@code contractId}, empty when TX cannot tell now. */
    public Optional<BigDecimal> of(long contractId, long tranId) {
        return of(contractId, List.of(tranId)).map(found -> found.get(tranId)).map(After::balance);
    }

    /**
     * Each of {@code tranIds} (transactions of the contract) with the balance right after it, from ONE balance
     * read and one walk back through the newest transactions, however many ids are asked: a card's pending
     * {@code card_last_tx} events are built together. When transactions keep landing between the reads, from the
     * contract's anchor and one walk down to it. Empty when TX cannot tell now (the balance is unreadable, or
     * transactions kept landing and no anchor is known yet: try later). An id TX does not list is absent from the
     * map. TX and store errors propagate.
     */
    public Optional<Map<Long, After>> of(long contractId, Collection<Long> tranIds) {
        if (tranIds.isEmpty()) {
            return Optional.of(Map.of());
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Long newestBefore = newestId(contractId);
            Optional<BigDecimal> available = ledger.balance(contractId);
            if (available.isEmpty()) {
                return Optional.empty();
            }
            // The walk's first page doubles as the "newest after the balance" read: one TX call fewer.
            TransactionHistory.Page first = history.newestFirst(contractId, 0, PAGE);
            Long newestAfter = first.transactions().isEmpty() ? null : first.transactions().get(0).id();
            if (Objects.equals(newestBefore, newestAfter)) {
                anchors.save(contractId, new BalanceAnchors.Anchor(newestAfter == null ? 0 : newestAfter,
                        available.get()));
                return Optional.of(walk(contractId, available.get(), first, tranIds));
            }
        }
        return anchors.find(contractId).map(anchor -> fromAnchor(contractId, anchor, tranIds));
    }

    /**
     * Walks back from the balance after the newest transaction: the balance after a transaction is the one after
     * its newer neighbour minus what that neighbour did. Stops at the oldest id asked for.
     */
    private Map<Long, After> walk(long contractId, BigDecimal available, TransactionHistory.Page first,
            Collection<Long> tranIds) {
        Set<Long> wanted = new HashSet<>(tranIds);
        Map<Long, After> found = new HashMap<>();
        BigDecimal balance = available;
        for (CoreTransaction t : newestDownTo(contractId, first, Collections.min(tranIds))) {
            if (wanted.contains(t.id())) {
                found.put(t.id(), new After(t, balance));
            }
            balance = balance.subtract(signed(t, contractId));
        }
        return found;
    }

    /**
     * From the anchor: the balance after a newer transaction is the anchor's plus what the transactions since it
     * did; after an older one, the anchor's minus what the transactions after it did. The newest transaction seen
     * becomes the anchor, so the next walk is short.
     */
    private Map<Long, After> fromAnchor(long contractId, BalanceAnchors.Anchor anchor, Collection<Long> tranIds) {
        Set<Long> wanted = new HashSet<>(tranIds);
        long floor = Math.min(anchor.tranId(), Collections.min(tranIds));
        List<CoreTransaction> newestFirst = newestDownTo(contractId, history.newestFirst(contractId, 0, PAGE), floor);
        Map<Long, After> found = new HashMap<>();
        BigDecimal forward = anchor.balance();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            CoreTransaction t = newestFirst.get(i);
            if (t.id() > anchor.tranId()) {
                forward = forward.add(signed(t, contractId));
                if (wanted.contains(t.id())) {
                    found.put(t.id(), new After(t, forward));
                }
            }
        }
        BigDecimal backward = anchor.balance();
        for (CoreTransaction t : newestFirst) {
            if (t.id() <= anchor.tranId()) {
                if (wanted.contains(t.id())) {
                    found.put(t.id(), new After(t, backward));
                }
                backward = backward.subtract(signed(t, contractId));
            }
        }
        if (!newestFirst.isEmpty() && newestFirst.get(0).id() > anchor.tranId()) {
            anchors.save(contractId, new BalanceAnchors.Anchor(newestFirst.get(0).id(), forward));
        }
        return found;
    }

    /**
     * The contract's transactions from the newest of {@code first} down to id {@code lowest} included, newest first,
     * each once. Ids only go down in this order; a transaction landing during the walk shifts the later pages
     * (offsets count from the newest): what reappears, and whatever is newer than the first page, is skipped.
     */
    private List<CoreTransaction> newestDownTo(long contractId, TransactionHistory.Page first, long lowest) {
        List<CoreTransaction> out = new ArrayList<>();
        long below = Long.MAX_VALUE;
        TransactionHistory.Page page = first;
        int offset = 0;
        while (true) {
            for (CoreTransaction t : page.transactions()) {
                if (t.id() >= below) {
                    continue;
                }
                below = t.id();
                if (t.id() < lowest) {
                    return out;
                }
                out.add(t);
                if (t.id() == lowest) {
                    return out;
                }
            }
            if (!page.hasMore() || page.transactions().isEmpty()) {
                return out;
            }
            offset += page.transactions().size();
            page = history.newestFirst(contractId, offset, PAGE);
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
