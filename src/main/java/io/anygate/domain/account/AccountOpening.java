package io.anygate.domain.account;

import io.anygate.GatewayConfig;
import io.anygate.domain.AccountType;
import io.anygate.domain.Corporation;
import io.anygate.domain.Person;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.SagaSteps;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Opens an account: a saga journaled (kind ACCOUNT_OPEN) before its first TX write, whose steps are
 * {@value #HOLDER} (Person, rid {@code AGW-S-}/{@code AGW-SP-}), {@value #COMPANY} (business: Corporation,
 * {@code AGW-SC-}), {@value #CONTRACT} (account contract, {@code AGW-A-}), {@value #ACTIVATE}, {@value #FUND}
 * (sandbox opening balance) and {@value #REGISTER} (ownership: only now is the account visible). Each TX write
 * carries its step's matchKey and a rid derived from the operation id, so a retry, a second replica or the
 * reconciler resumes without ever creating a second subject or contract. A saga the core refuses for good is
 * compensated (contract closed, operation FAILED); one whose outcome is unknown stays for the
 * {@link AccountOpeningResumer}.
 */
@ApplicationScoped
public class AccountOpening {

    static final String HOLDER = "holder";
    static final String COMPANY = "company";
    static final String CONTRACT = "contract";
    static final String ACTIVATE = "activate";
    static final String FUND = "fund";
    static final String REGISTER = "register";
    static final String COMPENSATE = "compensate";
    static final String UNFUND = "compensate-unfund";
    static final String FINISH = "compensate-finish";
    static final String HOLDER_ID = "holderId";
    static final String COMPANY_ID = "companyId";
    static final String CONTRACT_ID = "contractId";

    private static final Logger LOG = Logger.getLogger(AccountOpening.class);

    @Inject
    OperationJournal journal;

    @Inject
    AccountCore core;

    @Inject
    AccountOwnership ownership;

    @Inject
    AccountMappingConfig config;

    @Inject
    Clock clock;

    @Inject
    @All
    List<SagaSteps.StepListener> listeners;

    @Inject
    GatewayConfig gateway;

    /** Opens the account, or resumes the opening the request's Idempotency-Key names. */
    public OwnedAccount open(AccountOpeningRequest rq) {
        String ccy = rq.currency().getCurrencyCode();
        if (config.currencies().stream().noneMatch(ccy::equalsIgnoreCase)) {
            throw new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, "acc_currency",
                    "acc_currency: " + ccy + " is not offered (" + String.join(", ", config.currencies()) + ")");
        }
        Instant now = clock.instant();
        OperationId id = rq.idempotencyKey() == null ? OperationId.generate(now.toEpochMilli())
                : OperationId.fromIdempotencyKey(rq.partnerId(), OperationKind.ACCOUNT_OPEN, rq.idempotencyKey());
        Operation op = Operation.newSaga(id, rq.partnerId(), OperationKind.ACCOUNT_OPEN, rq.idempotencyKey(),
                rq.fingerprint(), AccountOpeningData.write(rq), now);
        if (!journal.record(op)) {
            op = journal.find(id).orElseThrow();
            if (op.requestFingerprint() != null && !op.requestFingerprint().equals(rq.fingerprint())) {
                throw new AccountRefused(AccountRefused.Reason.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used with other parameters");
            }
            if (op.state() == OperationState.DECLINED || op.state() == OperationState.FAILED) {
                throw new AccountRefused(AccountRefused.Reason.OPENING_FAILED,
                        "the account opening under this Idempotency-Key failed; use a new key");
            }
        }
        return drive(op);
    }

    /** Runs every step not yet done; used by {@link #open} and by the resumer's forward recovery. */
    OwnedAccount drive(Operation op) {
        try {
            return run(op);
        } catch (AccountCoreException e) {
            if (e.kind() == AccountCoreException.Kind.UNAVAILABLE) {
                journal.markUnknown(op.id(), clock.instant());
                throw unavailable();
            }
            LOG.warnf("account opening %s refused by the core: %s", op.id(), e.getMessage());
            compensate(op);
            throw new AccountRefused(AccountRefused.Reason.OPENING_FAILED,
                    "the card processor refused to open this account");
        } catch (AccountRefused e) {
            throw e;
        } catch (RuntimeException e) {
            // Whatever stopped us mid-saga, every step is keyed: leave it to a retry or the reconciler.
            LOG.warnf(e, "account opening %s interrupted", op.id());
            journal.markUnknown(op.id(), clock.instant());
            throw unavailable();
        }
    }

    private OwnedAccount run(Operation op) {
        Map<String, String> d = op.data();
        if (op.state() == OperationState.APPROVED) {
            return registered(op);
        }
        SagaSteps saga = new SagaSteps(op, journal, clock, this::stepDone);
        AccountType type = AccountOpeningData.type(d);
        Currency currency = AccountOpeningData.currency(d);
        Person person = AccountOpeningData.person(d);
        Corporation corporation = AccountOpeningData.corporation(d);
        String opId = op.id().value();
        boolean business = type == AccountType.BUSINESS;

        d = saga.step(HOLDER, key -> Map.of(HOLDER_ID,
                Long.toString(core.createPerson((business ? "AGW-SP-" : "AGW-S-") + opId, person, key))));
        long holder = Long.parseLong(d.get(HOLDER_ID));
        Long company = null;
        if (business) {
            d = saga.step(COMPANY, key -> Map.of(COMPANY_ID,
                    Long.toString(core.createCorporation("AGW-SC-" + opId, corporation, key))));
            company = Long.parseLong(d.get(COMPANY_ID));
        }
        long client = business ? company : holder;
        d = saga.step(CONTRACT, key -> Map.of(CONTRACT_ID, Long.toString(
                core.createAccountContract("AGW-A-" + opId, type, currency, client, holder, key))));
        long contract = Long.parseLong(d.get(CONTRACT_ID));
        saga.step(ACTIVATE, key -> {
            core.activate(contract, key);
            return Map.of();
        });
        BigDecimal opening = openingBalance();
        if (opening.signum() > 0) {
            saga.step(FUND, key -> {
                core.setBalance(contract, opening, currency, key);
                return Map.of();
            });
        }
        OwnedAccount account = new OwnedAccount(contract, op.partnerId(), type.anytimeCode(),
                currency.getCurrencyCode(), holder, company);
        saga.step(REGISTER, key -> {
            ownership.register(account, opId);
            return Map.of();
        });
        journal.finish(op.id(), OperationState.APPROVED, null, null, clock.instant());
        return account;
    }

    /**
     * Undoes an opening that will not be finished: closes its contract if TX has one (found by id, or by rid when
     * the step's answer was lost) and marks the operation FAILED. An opening already registered is finished
     * instead: a visible account is never taken back. TX has no subject deletion: the subjects stay, unused.
     */
    void compensate(Operation op) {
        Operation current = journal.find(op.id()).orElse(op);
        String contractText = current.get(CONTRACT_ID);
        Long contract = contractText != null ? Long.valueOf(contractText)
                : core.contractIdByRid("AGW-A-" + op.id().value()).orElse(null);
        if (contract != null && ownership.find(op.partnerId(), contract).isPresent()) {
            journal.finish(op.id(), OperationState.APPROVED, null, null, clock.instant());
            return;
        }
        if (contract != null && !closedOrGone(contract)) {
            AccountContract c = core.contract(contract);
            if (c.available().signum() != 0 && c.currency() != null) {
                // An unregistered account was never the partner's: the only money on it is this opening's own
                // funding (step fund, journaled or not), taken back so that TX lets the contract close.
                core.setBalance(contract, BigDecimal.ZERO, c.currency(), current.matchKey(UNFUND));
            }
            core.close(contract, current.matchKey(FINISH), current.matchKey(COMPENSATE));
        }
        if (journal.finish(op.id(), OperationState.FAILED, null, "COMPENSATED", clock.instant())) {
            LOG.infof("account opening %s compensated (contract %s closed)", op.id(), contract);
        }
    }

    // A contract TX does not know (never created, or a core reset in sandbox) needs no closing.
    private boolean closedOrGone(long contract) {
        try {
            return core.contract(contract).closed();
        } catch (AccountCoreException e) {
            if (e.kind() == AccountCoreException.Kind.NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    private OwnedAccount registered(Operation op) {
        long contract = Long.parseLong(op.get(CONTRACT_ID));
        return ownership.find(op.partnerId(), contract).orElseThrow(() -> new AccountRefused(
                AccountRefused.Reason.CORE_UNAVAILABLE, "the account is not registered yet"));
    }

    private BigDecimal openingBalance() {
        return gateway.sandbox() ? config.sandboxOpeningBalance() : BigDecimal.ZERO;
    }

    private void stepDone(OperationKind kind, String step) {
        for (SagaSteps.StepListener l : listeners) {
            l.stepDone(kind, step);
        }
    }

    private static AccountRefused unavailable() {
        return new AccountRefused(AccountRefused.Reason.CORE_UNAVAILABLE, "the card processor did not answer; retry"
                + " with the same Idempotency-Key, or the opening will be completed or cancelled");
    }
}
