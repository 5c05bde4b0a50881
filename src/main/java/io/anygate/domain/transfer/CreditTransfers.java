package io.anygate.domain.transfer;

import io.anygate.domain.AnytimeDates;
import io.anygate.domain.CurrencyUnits;
import io.anygate.domain.account.AccountRefused;
import io.anygate.domain.account.Accounts;
import io.anygate.domain.account.OwnedAccount;
import io.anygate.domain.iban.AccountKyc;
import io.anygate.domain.iban.IbanMovement;
import io.anygate.domain.iban.IbanRegistry;
import io.anygate.domain.iban.IssuedIban;
import io.anygate.domain.iban.KycGates;
import io.anygate.domain.money.CoreLedger;
import io.anygate.domain.money.TransferOutcome;
import io.anygate.domain.operation.MoneyComments;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outbound SEPA credit transfers. A transfer is journaled (kind CREDIT_TRANSFER, with everything it needs) before
 * its TX write, a {@code tran/account2fi} under the matchKey {@code agw-<operation>-debit}; only TX's approval
 * records the transfer (In progress) and its IBAN movement, so a retry, a lost answer or a crash never debits twice
 * and never shows a transfer TX did not take. An outcome nobody knows is left to {@link CreditTransferResumer},
 * which asks TX for the matchKey and, when TX never registered it, sends the same key again. The payment rail then
 * moves it along ({@link CreditTransferExecution}).
 */
@ApplicationScoped
public class CreditTransfers {

    /** The step name of the debit: the matchKey is {@code agw-<operation>-debit}. */
    public static final String DEBIT_STEP = "debit";

    @Inject
    Accounts accounts;

    @Inject
    IbanRegistry ibans;

    @Inject
    KycGates gates;

    @Inject
    AccountKyc kyc;

    @Inject
    OperationJournal journal;

    @Inject
    OutboundPayments payments;

    @Inject
    CoreLedger ledger;

    @Inject
    CreditTransferStore store;

    @Inject
    Clock clock;

    /** One page of an account's transfers and how many there are in all. */
    public record Page(OwnedAccount account, long total, List<CreditTransfer> transfers) {
    }

    /**
     * Sends a credit transfer from the partner's account: 4030210 for another partner's account, 4510210 when the
     * partner's credit transfer KYC gate is on and the KYC is not accepted, 4030221 without an IBAN, 4000220 to the
     * account's own IBAN, 4020210 when TX finds too little money, 4080010 when TX's outcome is unknown.
     */
    public CreditTransfer send(String partnerId, long accountId, CreditTransferRequest rq) {
        OwnedAccount a = accounts.owned(partnerId, accountId);
        Currency currency = Currency.getInstance(a.currency());
        if (!"EUR".equals(a.currency())) {
            throw invalid("amount", "amount: SEPA credit transfers are in EUR; this account is in " + a.currency());
        }
        if (!CurrencyUnits.fitsMinorUnits(rq.amount(), currency)) {
            throw invalid("amount", "amount: at most " + CurrencyUnits.minorUnits(currency) + " decimals in "
                    + a.currency());
        }
        if (gates.creditTransferNeedsKyc(partnerId) && !kyc.accepted(accountId)) {
            throw new AccountRefused(AccountRefused.Reason.CREDIT_TRANSFER_KYC_REQUIRED,
                    "The account's KYC documents must be accepted before it sends credit transfers");
        }
        IssuedIban own = ibans.ofAccount(accountId).stream().filter(i -> !i.virtual() && i.onCore()).findFirst()
                .orElseThrow(() -> new AccountRefused(AccountRefused.Reason.IBAN_NOT_CREATED,
                        "The account has no IBAN: create it first (POST /v1.0/accounts/{id}/iban)"));
        if (own.iban().equals(rq.beneficiaryIban())) {
            throw new AccountRefused(AccountRefused.Reason.IDENTICAL_SRC_AND_DST, "dst_iban",
                    "dst_iban: is this account's own IBAN");
        }
        Accounts.Details details = accounts.details(partnerId, accountId);
        String sender = details.corporation() != null && details.corporation().name() != null
                ? details.corporation().name()
                : (details.holder().firstName() + " " + details.holder().lastName()).trim();
        Instant now = clock.instant();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("accountType", a.type());
        data.put("senderName", sender.length() > 140 ? sender.substring(0, 140) : sender);
        data.put("senderIban", own.iban());
        data.put("senderBic", own.bic());
        data.put("dstName", rq.beneficiaryName());
        data.put("dstIban", rq.beneficiaryIban());
        data.put("dstBic", rq.beneficiaryBic());
        data.put("reason", rq.reason());
        data.put("sourceReason", rq.sourceReason());
        Operation op = new Operation(OperationId.generate(now.toEpochMilli()), partnerId,
                OperationKind.CREDIT_TRANSFER, OperationState.PENDING, null, null, accountId, null,
                CurrencyUnits.scaled(rq.amount(), currency), a.currency(), MoneyComments.NONE, null, null, null, data, 1,
                now, now);
        journal.record(op);
        return settle(op, payments.debit(accountId, op.amount(), op.currency(), op.matchKey(DEBIT_STEP),
                attributes(op)));
    }

    /** A page of the account's transfers created between these Paris days (either may be null), newest first. */
    public Page list(String partnerId, long accountId, LocalDate firstDay, LocalDate lastDay, long offset,
            int limit) {
        OwnedAccount a = accounts.owned(partnerId, accountId);
        Instant from = firstDay == null ? null : firstDay.atStartOfDay(AnytimeDates.ANYTIME_ZONE).toInstant();
        Instant to = lastDay == null ? null
                : lastDay.plusDays(1).atStartOfDay(AnytimeDates.ANYTIME_ZONE).toInstant();
        return new Page(a, store.count(accountId, from, to), store.page(accountId, from, to, offset, limit));
    }

    /** An executed transfer of the partner's account, for its testimonial. */
    public CreditTransfer executed(String partnerId, long accountId, long transferId) {
        accounts.owned(partnerId, accountId);
        CreditTransfer t = store.find(accountId, transferId).orElseThrow(() -> new AccountRefused(
                AccountRefused.Reason.CREDIT_TRANSFER_NOT_FOUND, "ctid: no such credit transfer on this account"));
        if (t.status() != CreditTransferStatus.EXECUTED) {
            throw new AccountRefused(AccountRefused.Reason.TESTIMONIAL_NOT_AVAILABLE,
                    "ctid: the credit transfer is " + t.status().label()
                            + "; a testimonial exists for executed transfers only");
        }
        return t;
    }

    /** Ends the operation with TX's outcome (the resumer's path too); an unknown outcome stays for the reconciler. */
    CreditTransfer settle(Operation op, TransferOutcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof TransferOutcome.Approved ok) {
            CreditTransfer t = new CreditTransfer(store.nextId(), op.id().value(), op.partnerId(), op.accountId(),
                    op.get("accountType"), op.get("senderName"), op.get("senderIban"), op.get("senderBic"),
                    op.get("dstName"), op.get("dstIban"), op.get("dstBic"), op.get("reason"),
                    op.get("sourceReason"), op.amount(), op.currency(), CreditTransferStatus.IN_PROGRESS, ok.tranId(),
                    null, null, op.createdAt(), null, null);
            if (!store.add(t)) {
                t = store.byOperation(op.id().value()).orElseThrow();
            }
            ibans.addMovement(new IbanMovement(op.id().value(), op.accountId(), ok.tranId(), op.get("senderIban"),
                    null, op.get("senderBic"), IbanMovement.Direction.DEBIT, op.get("dstName"), op.get("reason"),
                    op.createdAt()));
            journal.finish(op.id(), OperationState.APPROVED, ok.tranId(), null, now);
            return t;
        }
        if (outcome instanceof TransferOutcome.Declined d) {
            journal.finish(op.id(), OperationState.DECLINED, d.tranId(), d.code(), now);
            if ("INSUFFICIENT_FUNDS".equals(d.code())) {
                throw new AccountRefused(AccountRefused.Reason.NOT_ENOUGH_CREDIT,
                        "amount: the account's balance is too low for this transfer");
            }
            throw invalid("amount", "amount: the card processor refused this transfer (" + d.code() + ")");
        }
        journal.markUnknown(op.id(), now);
        throw new AccountRefused(AccountRefused.Reason.CORE_UNAVAILABLE,
                "the card processor did not answer; the transfer is resolved automatically and appears in the list"
                        + " if it was taken");
    }

    /** What a lookup by matchKey found, settled; nothing found: the same key sent again. */
    void resume(Operation op) {
        var registered = ledger.lookup(op.matchKey(DEBIT_STEP), op.createdAt());
        if (registered.isPresent() && registered.get() instanceof TransferOutcome.Unknown) {
            return;
        }
        TransferOutcome outcome = registered.isPresent() ? registered.get()
                : payments.debit(op.accountId(), op.amount(), op.currency(), op.matchKey(DEBIT_STEP), attributes(op));
        try {
            settle(op, outcome);
        } catch (AccountRefused e) {
            // declined or still unknown: journaled by settle; nobody waits for an answer here
        }
    }

    // For TX's operators: where the money goes and the text the beneficiary gets.
    static Map<String, String> attributes(Operation op) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("AGW-IBAN", op.get("senderIban"));
        attrs.put("AGW-BENEFICIARY-IBAN", op.get("dstIban"));
        attrs.put("AGW-BENEFICIARY", op.get("dstName"));
        if (op.get("reason") != null && !op.get("reason").isEmpty()) {
            attrs.put("AGW-REMITTANCE", op.get("reason"));
        }
        return attrs;
    }

    private static AccountRefused invalid(String parameter, String message) {
        return new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, parameter, message);
    }
}
