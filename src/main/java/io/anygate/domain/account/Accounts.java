package io.anygate.domain.account;

import io.anygate.domain.Corporation;
import io.anygate.domain.Person;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.SagaSteps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The account use cases other than opening: list, details, balance, update. Every one starts from the partner's
 * ownership, so another partner's account and a missing one answer the same {@link AccountRefused.Reason#NOT_OWNED}.
 */
@ApplicationScoped
public class Accounts {

    @Inject
    AccountOwnership ownership;

    @Inject
    AccountCore core;

    @Inject
    OperationJournal journal;

    @Inject
    Clock clock;

    /** A page of accounts and the exact count without the limits. */
    public record Listing(List<OwnedAccount> accounts, long total) {
    }

    /** An account with its holder (and company, business accounts only; else null). */
    public record Details(OwnedAccount account, Person holder, Corporation corporation) {
    }

    /** The partner's account, or NOT_OWNED. */
    public OwnedAccount owned(String partnerId, long accountId) {
        return ownership.find(partnerId, accountId).orElseThrow(() -> new AccountRefused(
                AccountRefused.Reason.NOT_OWNED, "this account does not exist or is not yours"));
    }

    public Listing list(String partnerId, long offset, int limit) {
        long total = ownership.count(partnerId);
        List<OwnedAccount> page = offset >= total ? List.of()
                : ownership.list(partnerId, (int) Math.min(offset, Integer.MAX_VALUE), limit);
        return new Listing(page, total);
    }

    public Details details(String partnerId, long accountId) {
        OwnedAccount a = owned(partnerId, accountId);
        return guarded(() -> new Details(a, core.person(a.holderSubjectId()),
                a.companySubjectId() == null ? null : core.corporation(a.companySubjectId())));
    }

    /** The available balance of the account contract. */
    public BigDecimal balance(String partnerId, long accountId) {
        OwnedAccount a = owned(partnerId, accountId);
        return guarded(() -> core.contract(a.accountId()).available());
    }

    /**
     * Applies a partial update: the holder through {@code personPatch}, the company through {@code companyPatch}
     * (null: untouched). Journaled as ACCOUNT_UPDATE; each subject write is keyed ({@code mustExist}: an update
     * never creates), so a retry with the same Idempotency-Key repeats nothing.
     */
    public OwnedAccount update(String partnerId, long accountId, UnaryOperator<Person> personPatch,
            UnaryOperator<Corporation> companyPatch, String idempotencyKey) {
        OwnedAccount a = owned(partnerId, accountId);
        Instant now = clock.instant();
        OperationId id = idempotencyKey == null ? OperationId.generate(now.toEpochMilli())
                : OperationId.fromIdempotencyKey(partnerId, OperationKind.ACCOUNT_UPDATE, idempotencyKey);
        Operation op = Operation.newSaga(id, partnerId, OperationKind.ACCOUNT_UPDATE, idempotencyKey, null,
                Map.of("accId", Long.toString(accountId)), now);
        if (!journal.record(op)) {
            op = journal.find(id).orElseThrow();
            if (op.state().terminal()) {
                return a;
            }
        }
        SagaSteps saga = new SagaSteps(op, journal, clock, SagaSteps.StepListener.NONE);
        try {
            saga.step("holder", key -> {
                core.updatePerson(a.holderSubjectId(), personPatch.apply(core.person(a.holderSubjectId())), key);
                return Map.of();
            });
            if (companyPatch != null && a.companySubjectId() != null) {
                saga.step("company", key -> {
                    long c = a.companySubjectId();
                    core.updateCorporation(c, companyPatch.apply(core.corporation(c)), key);
                    return Map.of();
                });
            }
        } catch (AccountCoreException e) {
            if (e.kind() == AccountCoreException.Kind.UNAVAILABLE) {
                journal.markUnknown(op.id(), clock.instant());
                throw new AccountRefused(AccountRefused.Reason.CORE_UNAVAILABLE,
                        "the card processor did not answer; retry with the same Idempotency-Key");
            }
            journal.finish(op.id(), OperationState.FAILED, null, "REJECTED", clock.instant());
            throw new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, null,
                    "the card processor refused these holder details");
        }
        journal.finish(op.id(), OperationState.APPROVED, null, null, clock.instant());
        return a;
    }

    /** Runs a core read; an unreachable core is CORE_UNAVAILABLE (never a 500). */
    static <T> T guarded(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (AccountCoreException e) {
            org.jboss.logging.Logger.getLogger(Accounts.class).warnf("core read failed (%s): %s", e.kind(),
                    e.getMessage());
            throw new AccountRefused(AccountRefused.Reason.CORE_UNAVAILABLE,
                    "the card processor cannot be reached; try again");
        }
    }
}
