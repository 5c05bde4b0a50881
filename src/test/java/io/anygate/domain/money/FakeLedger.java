package io.anygate.domain.money;

import io.anygate.domain.operation.MatchKey;
import io.anygate.domain.operation.MoneyComments;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A core ledger that behaves as TX does with matchKeys (a key applies once; a repeat answers the original), with
 * balances, and with scripted faults: "apply, then lose the answer", "no answer, not applied" and "no attempt
 * reached TX".
 */
class FakeLedger implements CoreLedger {

    enum Fault { LOSE_ANSWER_AFTER_APPLYING, NOT_SENT, TIMEOUT_NOT_APPLIED }

    final Map<Long, BigDecimal> balances = new HashMap<>();
    final Map<String, TransferOutcome> byKey = new HashMap<>();
    final List<String> sentKeys = new ArrayList<>();
    /** The send time each lookup named. */
    final List<Instant> lookedUpWith = new ArrayList<>();
    final Deque<Fault> faults = new ArrayDeque<>();
    CardStanding standing = CardStanding.ACTIVE;
    boolean lookupUnavailable;
    boolean standingUnavailable;
    long nextTranId = 5000;

    @Override
    public synchronized TransferOutcome transfer(long from, long to, BigDecimal amount, String currency, MatchKey key,
            MoneyComments comments) {
        Fault fault = faults.poll();
        if (fault == Fault.NOT_SENT) {
            return new TransferOutcome.NotSent("circuit open");
        }
        sentKeys.add(key.value());
        if (fault == Fault.TIMEOUT_NOT_APPLIED) {
            return new TransferOutcome.Unknown("timeout");
        }
        TransferOutcome outcome = byKey.get(key.value());
        if (outcome == null) {
            BigDecimal src = balances.getOrDefault(from, BigDecimal.ZERO);
            if (src.compareTo(amount) < 0) {
                return new TransferOutcome.Declined(nextTranId++, "INSUFFICIENT_FUNDS", "insufficient funds");
            }
            balances.put(from, src.subtract(amount));
            balances.merge(to, amount, BigDecimal::add);
            outcome = new TransferOutcome.Approved(nextTranId++);
            byKey.put(key.value(), outcome);
        }
        return fault == Fault.LOSE_ANSWER_AFTER_APPLYING ? new TransferOutcome.Unknown("connection dropped") : outcome;
    }

    @Override
    public synchronized Optional<TransferOutcome> lookup(MatchKey key, Instant sentAt) {
        lookedUpWith.add(sentAt);
        if (lookupUnavailable) {
            return Optional.of(new TransferOutcome.Unknown("TX down"));
        }
        return Optional.ofNullable(byKey.get(key.value()));
    }

    /** As TX: a transfer is found if registered within 55 s of its send time (60 s window, 5 s skew allowance). */
    @Override
    public Instant registeredBy(Instant sentAt) {
        return sentAt.plusSeconds(55);
    }

    @Override
    public Optional<BigDecimal> balance(long contractId) {
        return Optional.ofNullable(balances.get(contractId));
    }

    @Override
    public CardStanding standing(long cardId) {
        if (standingUnavailable) {
            throw new IllegalStateException("TX unavailable");
        }
        return standing;
    }

    long applied() {
        return byKey.size();
    }
}
