package io.anygate.tx;

import io.anygate.GatewayConfig;
import io.anygate.domain.AccountType;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.Corporation;
import io.anygate.domain.Person;
import io.anygate.domain.account.AccountContract;
import io.anygate.domain.account.AccountCore;
import io.anygate.domain.account.AccountCoreException;
import io.anygate.domain.account.AccountMappingConfig;
import io.anygate.domain.account.CorePage;
import io.anygate.domain.operation.MatchKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Accounts on TX: subjects for the holders, an account contract per account. Translates domain types to wire
 * records ({@link TxAccountHolders}, {@link TxAccountTrans}) and TX's typed errors to
 * {@link AccountCoreException}: 404 NOT_FOUND, 400/422 REJECTED, anything else (5xx, timeouts, open breaker,
 * 401) UNAVAILABLE.
 */
@ApplicationScoped
public class TxAccountCore implements AccountCore {

    /** The account role sent with {@code PUT contract/balance}: the contract's main account. */
    static final String MAIN_ROLE = "Main";
    static final String HOLDER_ATTR = "AGW-HOLDER";

    @Inject
    TxSubjects subjects;

    @Inject
    TxContracts contracts;

    @Inject
    TxTransfers transfers;

    @Inject
    AccountMappingConfig config;
    @Inject
    GatewayConfig gateway;

    @Override
    public long createPerson(String rid, Person person, MatchKey key) {
        return call(() -> subjects.putSubject(TxAccountHolders.toSubject(SubjectRef.ofRid(rid), person), wire(key))
                .objectId());
    }

    @Override
    public long createCorporation(String rid, Corporation corporation, MatchKey key) {
        return call(() -> subjects.putSubject(TxAccountHolders.toSubject(SubjectRef.ofRid(rid), corporation),
                wire(key)).objectId());
    }

    @Override
    public long createAccountContract(String rid, AccountType type, Currency currency, long clientSubjectId,
            long holderSubjectId, MatchKey key) {
        Contract c = new Contract(ContractRef.ofRid(rid), null, CatalogueRef.ofRid(config.contractType(type)),
                SubjectRef.ofId(clientSubjectId),
                new ContractDetails(null, "Anytime " + type.anytimeCode() + " account", null,
                        currency.getCurrencyCode(), null, null),
                List.of(new UserAttr(HOLDER_ATTR, Long.toString(holderSubjectId))));
        return call(() -> contracts.putContract(c, wire(key)).objectId());
    }

    @Override
    public void activate(long contractId, MatchKey key) {
        call(() -> contracts.activate(ContractRef.ofId(contractId), wire(key)));
    }

    @Override
    public void setBalance(long contractId, BigDecimal balance, Currency currency,
            MatchKey key) {
        call(() -> contracts.setBalance(ContractRef.ofId(contractId), MAIN_ROLE, currency.getCurrencyCode(),
                balance, wire(key)));
    }

    @Override
    public void close(long contractId, MatchKey finishKey,
            MatchKey closeKey) {
        AccountContract current = contract(contractId);
        if (current.closed()) {
            return;
        }
        if (current.available().signum() != 0) {
            // TX refuses to close a contract with money on it; nothing the gateway may decide to do with the money.
            throw new AccountCoreException(AccountCoreException.Kind.REJECTED,
                    "contract " + contractId + " still holds " + current.available(), null);
        }
        // Credit contracts (the class of every contract the gateway uses) must be finished before they close.
        call(() -> contracts.finish(ContractRef.ofId(contractId), wire(finishKey)));
        try {
            call(() -> contracts.close(ContractRef.ofId(contractId), wire(closeKey)));
        } catch (AccountCoreException e) {
            // Closed already (by an earlier attempt under another key, or an operator): the goal is reached.
            if (e.kind() != AccountCoreException.Kind.REJECTED || !contract(contractId).closed()) {
                throw e;
            }
        }
    }

    @Override
    public Optional<Long> contractIdByRid(String rid) {
        try {
            return Optional.of(call(() -> contracts.contract(ContractRef.ofRid(rid)).ref().id()));
        } catch (AccountCoreException e) {
            if (e.kind() == AccountCoreException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public AccountContract contract(long contractId) {
        Contract c = call(() -> contracts.contract(ContractRef.ofId(contractId)));
        ContractDetails d = c.details();
        String status = d == null ? null : d.status();
        if (status != null && !Contract.CREATED.equalsIgnoreCase(status) && !Contract.ACTIVE.equalsIgnoreCase(status)
                && !Contract.CLOSED.equalsIgnoreCase(status)) {
            throw io.anygate.domain.UnknownCoreValue.of("contract status", status);
        }
        return new AccountContract(c.ref().id(), c.ref().rid(),
                d == null || d.mainCcy() == null ? null : Currency.getInstance(d.mainCcy()),
                d == null ? null : d.status(), c.availableOrZero());
    }

    @Override
    public Person person(long subjectId) {
        return TxAccountHolders.toPerson(call(() -> subjects.subject(SubjectRef.ofId(subjectId))));
    }

    @Override
    public Corporation corporation(long subjectId) {
        return TxAccountHolders.toCorporation(call(() -> subjects.subject(SubjectRef.ofId(subjectId))));
    }

    @Override
    public void updatePerson(long subjectId, Person person, MatchKey key) {
        call(() -> subjects.updateSubject(TxAccountHolders.toSubject(SubjectRef.ofId(subjectId), person), wire(key)));
    }

    @Override
    public void updateCorporation(long subjectId, Corporation corporation, MatchKey key) {
        call(() -> subjects.updateSubject(TxAccountHolders.toSubject(SubjectRef.ofId(subjectId), corporation),
                wire(key)));
    }

    @Override
    public CorePage<CoreTransaction> transactions(long contractId, Instant from, int offset, int limit) {
        LocalDateTime begTime = from == null ? null : LocalDateTime.ofInstant(from, zone());
        TxList<Tran> page = call(() -> transfers.trans(ContractRef.ofId(contractId), null, begTime, null,
                new TxPage(offset, limit, TxPage.ID_DESC)));
        return new CorePage<>(page.objects().stream().map(TxAccountTrans::toCore).toList(), page.hasMore());
    }

    @Override
    public Optional<CoreTransaction> transaction(long tranId) {
        try {
            return Optional.of(TxAccountTrans.toCore(call(() -> transfers.tran(tranId))));
        } catch (AccountCoreException e) {
            if (e.kind() == AccountCoreException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private ZoneId zone() {
        return gateway.txZone();
    }

    private static TxMatchKey wire(MatchKey key) {
        return TxMatchKey.of(key.value());
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (TxNotFoundException e) {
            throw new AccountCoreException(AccountCoreException.Kind.NOT_FOUND, e.getMessage(), e);
        } catch (TxDeclinedException | TxInvalidRequestException e) {
            throw new AccountCoreException(AccountCoreException.Kind.REJECTED, e.getMessage(), e);
        } catch (TxException e) {
            throw new AccountCoreException(AccountCoreException.Kind.UNAVAILABLE, e.getMessage(), e);
        }
    }
}
