package io.anygate.domain.transfer;

import io.anygate.GatewayConfig;
import io.anygate.domain.iban.IbanMovement;
import io.anygate.domain.iban.IbanRegistry;
import io.anygate.domain.iban.InboundPayments;
import io.anygate.domain.money.CoreLedger;
import io.anygate.domain.money.TransferOutcome;
import io.anygate.domain.operation.MoneyComments;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Moves transfers along, one pass at a time on every replica (each change is conditional, so replicas never apply
 * one twice): hands In progress transfers to the payment rail (To execute), records the rail's decision (Executed,
 * or Cancelled once TX gave the money back), and enqueues the {@code credit_transfer_processed} webhooks of the
 * transfers that ended, 1 to 100 per delivery and partner.
 *
 * <p>A cancelled transfer's refund is journaled (kind CREDIT_TRANSFER_REFUND, its id derived from the transfer, so
 * every replica computes the same one) before its {@code tran/fi2account} under {@code agw-<operation>-refund}:
 * whoever records it sends it; an unknown outcome goes to the reconciler ({@link CreditTransferResumer}).
 */
@ApplicationScoped
public class CreditTransferExecution {

    /** The step name of the refund: the matchKey is {@code agw-<operation>-refund}. */
    public static final String REFUND_STEP = "refund";
    /** At most this many transfers per webhook delivery (the Anytime document's maximum). */
    public static final int PER_DELIVERY = 100;

    private static final Logger LOG = Logger.getLogger(CreditTransferExecution.class);

    @Inject
    CreditTransferStore store;

    @Inject
    CreditTransferConfig config;

    @Inject
    SepaAdapter sepa;

    @Inject
    GatewayConfig gateway;

    @Inject
    OperationJournal journal;

    @Inject
    InboundPayments payments;

    @Inject
    CoreLedger ledger;

    @Inject
    IbanRegistry ibans;

    @Inject
    CreditTransferEvents events;

    @Inject
    UnitOfWork unit;

    @Inject
    Clock clock;

    private volatile PaymentRail sandbox;

    /** The rail in use: the simulated one in sandbox mode, the deployed SEPA adapter otherwise. */
    public PaymentRail rail() {
        if (!gateway.sandbox()) {
            return sepa;
        }
        if (sandbox == null) {
            sandbox = new SandboxPaymentRail(config, clock);
        }
        return sandbox;
    }

    /** One pass; answers how many transfers changed status. */
    public int runOnce() {
        PaymentRail rail = rail();
        int changed = 0;
        for (CreditTransfer t : store.inStatus(CreditTransferStatus.IN_PROGRESS, config.batch())) {
            if (rail.submit(t) && store.submitted(t.id(), clock.instant())) {
                changed++;
            }
        }
        for (CreditTransfer t : store.inStatus(CreditTransferStatus.TO_EXECUTE, config.batch())) {
            var outcome = rail.outcome(t);
            if (outcome.isEmpty()) {
                continue;
            }
            if (outcome.get() instanceof PaymentRail.Executed e) {
                if (store.executed(t.id(), e.reference(), e.at())) {
                    changed++;
                }
            } else if (outcome.get() instanceof PaymentRail.Cancelled c) {
                LOG.infof("credit transfer %d cancelled by the rail (%s); giving the money back", t.id(), c.reason());
                if (refund(t)) {
                    changed++;
                }
            }
        }
        notifyEnded();
        return changed;
    }

    // Journals the refund and sends it, once; false when it is not settled (yet) by this call.
    private boolean refund(CreditTransfer t) {
        Instant now = clock.instant();
        OperationId id = OperationId.fromIdempotencyKey(t.partnerId(), OperationKind.CREDIT_TRANSFER_REFUND,
                "ct/" + t.id());
        Map<String, String> data = new LinkedHashMap<>();
        data.put("ctId", Long.toString(t.id()));
        data.put("senderIban", t.senderIban());
        data.put("senderBic", t.senderBic());
        data.put("dstName", t.beneficiaryName());
        data.put("dstIban", t.beneficiaryIban());
        Operation op = new Operation(id, t.partnerId(), OperationKind.CREDIT_TRANSFER_REFUND, OperationState.PENDING,
                null, null, t.accountId(), null, t.amount(), t.currency(), MoneyComments.NONE, null, null, null, data,
                1, now, now);
        if (!journal.record(op)) {
            Operation earlier = journal.find(id).orElseThrow();
            if (earlier.state() == OperationState.APPROVED) {
                return store.cancelled(t.id(), earlier.txTranId(), now);
            }
            return false; // in flight elsewhere or unknown: the reconciler settles it
        }
        return settleRefund(op, payments.credit(t.accountId(), t.amount(), t.currency(), op.matchKey(REFUND_STEP),
                refundAttributes(op)));
    }

    /** Ends the refund with TX's outcome (the resumer's path too). */
    boolean settleRefund(Operation op, TransferOutcome outcome) {
        Instant now = clock.instant();
        long ctId = Long.parseLong(op.get("ctId"));
        if (outcome instanceof TransferOutcome.Approved ok) {
            ibans.addMovement(new IbanMovement(op.id().value(), op.accountId(), ok.tranId(), op.get("senderIban"),
                    null, op.get("senderBic"), IbanMovement.Direction.CREDIT, op.get("dstName"),
                    "Refund of cancelled credit transfer " + ctId, op.createdAt()));
            boolean changed = store.cancelled(ctId, ok.tranId(), now);
            journal.finish(op.id(), OperationState.APPROVED, ok.tranId(), null, now);
            return changed;
        }
        if (outcome instanceof TransferOutcome.Declined d) {
            journal.finish(op.id(), OperationState.DECLINED, d.tranId(), d.code(), now);
            LOG.errorf("TX declined the refund of cancelled credit transfer %d (%s): an operator must return the"
                    + " money; the transfer stays To execute", ctId, d.code());
            return false;
        }
        journal.markUnknown(op.id(), now);
        return false;
    }

    /** The reconciler's path for a refund whose outcome is unknown: TX's registration, else the same key again. */
    void resumeRefund(Operation op) {
        var registered = ledger.lookup(op.matchKey(REFUND_STEP), op.createdAt());
        if (registered.isPresent() && registered.get() instanceof TransferOutcome.Unknown) {
            return;
        }
        settleRefund(op, registered.isPresent() ? registered.get()
                : payments.credit(op.accountId(), op.amount(), op.currency(), op.matchKey(REFUND_STEP),
                        refundAttributes(op)));
    }

    /**
     * Enqueues the webhooks of ended transfers: per partner, 1 to 100 per delivery, in one unit of work with the
     * claim that marks them notified, so a transfer status is in exactly one delivery however many replicas run
     * this at once (the claim skips the rows another replica holds). Answers how many transfers it enqueued.
     */
    public int notifyEnded() {
        return unit.inOne(() -> {
            List<CreditTransfer> ended = store.claimUnnotified(config.batch() * 2);
            Map<String, List<CreditTransfer>> byPartner = ended.stream().collect(
                    Collectors.groupingBy(CreditTransfer::partnerId, LinkedHashMap::new, Collectors.toList()));
            byPartner.forEach((partner, transfers) -> {
                for (int i = 0; i < transfers.size(); i += PER_DELIVERY) {
                    List<CreditTransfer> batch = new ArrayList<>(transfers.subList(i,
                            Math.min(transfers.size(), i + PER_DELIVERY)));
                    events.processed(partner, batchId(batch), batch);
                }
            });
            return ended.size();
        });
    }

    // Stable for the same transfers in the same statuses (the event id).
    static String batchId(List<CreditTransfer> batch) {
        String text = batch.stream().map(t -> t.id() + ":" + t.status()).collect(Collectors.joining(","));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> refundAttributes(Operation op) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("AGW-IBAN", op.get("senderIban"));
        attrs.put("AGW-REFUND-OF", "credit-transfer-" + op.get("ctId"));
        return attrs;
    }
}
