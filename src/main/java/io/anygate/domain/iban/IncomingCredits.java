package io.anygate.domain.iban;

import io.anygate.domain.CurrencyUnits;
import io.anygate.domain.account.AccountRefused;
import io.anygate.domain.account.Accounts;
import io.anygate.domain.account.OwnedAccount;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Credits money arriving on an account's IBAN: one TX {@code tran/fi2account} onto the account contract. The credit
 * is journaled (kind IBAN_CREDIT, its matchKey derived from the operation id) before the TX write, and its operation
 * id is derived from the payer's end-to-end reference, so a repeated credit, a lost answer or a crash never credits
 * twice: a repeat finds the journaled operation and either answers its outcome or sends the same key again, and TX
 * applies a key once. An outcome nobody knows is left to {@link IncomingCreditResumer}.
 */
@ApplicationScoped
public class IncomingCredits {

    /** The step name of the TX write: the matchKey is {@code agw-<operation>-credit}. */
    public static final String CREDIT_STEP = "credit";
    private static final Duration RETRY_LEASE = Duration.ofSeconds(30);

    @Inject
    Accounts accounts;

    @Inject
    IbanRegistry registry;

    @Inject
    OperationJournal journal;

    @Inject
    InboundPayments payments;

    @Inject
    CoreLedger ledger;

    @Inject
    Clock clock;

    /** A credit in TX's ledger, exactly once. */
    public record Credited(long tranId, IssuedIban creditedIban, String operationId) {
    }

    /** Credits {@code credit} to the account of the partner it names by IBAN ({@code accountId} must own it). */
    public Credited receive(String partnerId, long accountId, IncomingCredit credit) {
        OwnedAccount a = accounts.owned(partnerId, accountId);
        IssuedIban target = registry.find(credit.iban()).filter(i -> i.accountId() == accountId && i.onCore())
                .orElseThrow(() -> new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, "iban",
                        "iban: not an IBAN of this account"));
        if (target.kind() == IssuedIban.Kind.DEBIT) {
            throw new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, "iban",
                    "iban: a debit (D) virtual IBAN takes no credit");
        }
        if (!CurrencyUnits.fitsMinorUnits(credit.amount(), Currency.getInstance(a.currency()))) {
            throw new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, "amount",
                    "amount: at most " + CurrencyUnits.minorUnits(Currency.getInstance(a.currency()))
                            + " decimals in " + a.currency());
        }
        Instant now = clock.instant();
        OperationId id = credit.endToEndId() == null ? OperationId.generate(now.toEpochMilli())
                : OperationId.fromIdempotencyKey(partnerId, OperationKind.IBAN_CREDIT,
                        accountId + "/" + credit.endToEndId());
        String fingerprint = fingerprint(accountId, credit);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("iban", target.iban());
        data.put("debtor", credit.debtorName());
        data.put("remittance", credit.remittance());
        Operation op = new Operation(id, partnerId, OperationKind.IBAN_CREDIT, OperationState.PENDING,
                credit.endToEndId(), fingerprint, accountId, null, credit.amount(), a.currency(), MoneyComments.NONE,
                null, null, null, data, 1, now, now);
        if (journal.record(op)) {
            return settle(op, payments.credit(accountId, credit.amount(), a.currency(), op.matchKey(CREDIT_STEP),
                    attributes(op)), target);
        }
        Operation earlier = journal.find(id).orElseThrow();
        if (!fingerprint.equals(earlier.requestFingerprint())) {
            throw new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, "end_to_end_id",
                    "end_to_end_id: already used for another credit");
        }
        return repeat(earlier, target);
    }

    // A repeat of a journaled credit: its outcome if it has one, else the same key sent again under its lease.
    private Credited repeat(Operation op, IssuedIban target) {
        if (op.state() == OperationState.APPROVED) {
            return new Credited(op.txTranId(), target, op.id().value());
        }
        if (op.state().terminal()) {
            throw declined(op.declineCode());
        }
        String owner = "retry-" + UUID.randomUUID();
        Instant now = clock.instant();
        if (!journal.lease(op.id(), owner, now.plus(RETRY_LEASE), now)) {
            throw unknown();
        }
        try {
            journal.attemptStarted(op.id(), now);
            return settle(op, payments.credit(op.accountId(), op.amount(), op.currency(), op.matchKey(CREDIT_STEP),
                    attributes(op)), target);
        } finally {
            journal.release(op.id(), owner);
        }
    }

    /** Ends the operation with TX's outcome (used by the resumer too); an unknown outcome stays for the reconciler. */
    Credited settle(Operation op, TransferOutcome outcome, IssuedIban target) {
        Instant now = clock.instant();
        if (outcome instanceof TransferOutcome.Approved ok) {
            registry.addMovement(new IbanMovement(op.id().value(), op.accountId(), ok.tranId(), mainIban(target),
                    target.virtual() ? target.iban() : null, target.bic(), IbanMovement.Direction.CREDIT,
                    op.get("debtor"), op.get("remittance"), op.createdAt()));
            journal.finish(op.id(), OperationState.APPROVED, ok.tranId(), null, now);
            return new Credited(ok.tranId(), target, op.id().value());
        }
        if (outcome instanceof TransferOutcome.Declined d) {
            journal.finish(op.id(), OperationState.DECLINED, d.tranId(), d.code(), now);
            throw declined(d.code());
        }
        // Unknown or NotSent: only a lookup by matchKey can tell; the reconciler does it.
        journal.markUnknown(op.id(), now);
        throw unknown();
    }

    /** What a lookup by matchKey found, settled (the resumer's path); nothing found: the same key sent again. */
    void resume(Operation op) {
        IssuedIban target = registry.find(op.get("iban")).orElseThrow(
                () -> new IllegalStateException("IBAN of operation " + op.id() + " is not recorded"));
        var registered = ledger.lookup(op.matchKey(CREDIT_STEP), op.createdAt());
        if (registered.isPresent() && registered.get() instanceof TransferOutcome.Unknown) {
            return;
        }
        TransferOutcome outcome = registered.isPresent() ? registered.get()
                : payments.credit(op.accountId(), op.amount(), op.currency(), op.matchKey(CREDIT_STEP), attributes(op));
        try {
            settle(op, outcome, target);
        } catch (AccountRefused e) {
            // declined or still unknown: journaled by settle; nobody waits for an answer here
        }
    }

    private String mainIban(IssuedIban target) {
        if (!target.virtual()) {
            return target.iban();
        }
        return registry.ofAccount(target.accountId()).stream().filter(i -> !i.virtual()).findFirst()
                .map(IssuedIban::iban).orElse(target.iban());
    }

    // For TX's operators: which IBAN the money came to, from whom, and the payer's text.
    private static Map<String, String> attributes(Operation op) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("AGW-IBAN", op.get("iban"));
        attrs.put("AGW-DEBTOR", op.get("debtor"));
        if (op.get("remittance") != null && !op.get("remittance").isEmpty()) {
            attrs.put("AGW-REMITTANCE", op.get("remittance"));
        }
        return attrs;
    }

    private static AccountRefused declined(String code) {
        return new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, "amount",
                "amount: the card processor refused this credit (" + code + ")");
    }

    private static AccountRefused unknown() {
        return new AccountRefused(AccountRefused.Reason.CORE_UNAVAILABLE,
                "the card processor did not answer; retry with the same end_to_end_id");
    }

    private static String fingerprint(long accountId, IncomingCredit c) {
        String text = accountId + "\n" + c.iban() + "\n" + c.amount().stripTrailingZeros().toPlainString() + "\n"
                + c.debtorName() + "\n" + c.remittance();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
