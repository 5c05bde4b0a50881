package io.anygate.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TX money transfers and transactions, fault tolerant. Every transfer carries its {@link TxMatchKey}: a lost
 * answer is retried with the same key, and a repeat TX answers "already processed" is recovered with
 * {@code GET /tx/v1/tran?ref[matchKey]=} (the recovered approval has no {@code approvalCode}).
 */
@ApplicationScoped
public class TxTransfers {

    @Inject
    @RestClient
    TxTransClient trans;

    @Inject
    TxReplayLookup replays;

    /** Moves {@code value} from account {@code src} to account {@code dst}, with {@code userAttrs} (may be empty). */
    public TranApproveRs account2account(ContractRef src, ContractRef dst, MonetaryValue value, TxMatchKey key,
            List<UserAttr> userAttrs) {
        return account2account(src, dst, value, key, userAttrs, new TxSendTrace());
    }

    /**
     * As {@link #account2account(ContractRef, ContractRef, MonetaryValue, TxMatchKey, List)}, noting in {@code trace}
     * whether any attempt reached TX.
     */
    @TxOperation("tran.account2account")
    public TranApproveRs account2account(ContractRef src, ContractRef dst, MonetaryValue value, TxMatchKey key,
            List<UserAttr> userAttrs, TxSendTrace trace) {
        Objects.requireNonNull(key, "matchKey");
        TxRequests.Account2AccountRq rq = new TxRequests.Account2AccountRq(src, dst, value,
                TranRqExtraAttrs.of(key, userAttrs));
        return TxReplays.write(key, () -> trace.attempt(() -> trans.account2account(rq)),
                () -> replays.approval(key),
                trace::repeated);
    }

    /** Credits {@code value} to account {@code dst} from the financial institution (an inbound payment). */
    @TxOperation("tran.fi2account")
    public TranApproveRs fi2account(ContractRef dst, MonetaryValue value, TxMatchKey key, List<UserAttr> userAttrs) {
        Objects.requireNonNull(key, "matchKey");
        TxRequests.Fi2AccountRq rq = new TxRequests.Fi2AccountRq(dst, value, TranRqExtraAttrs.of(key, userAttrs));
        return TxReplays.write(key, () -> trans.fi2account(rq), () -> replays.approval(key));
    }

    /** Debits {@code value} from account {@code src} to the financial institution (an outbound payment). */
    @TxOperation("tran.account2fi")
    public TranApproveRs account2fi(ContractRef src, MonetaryValue value, TxMatchKey key, List<UserAttr> userAttrs) {
        Objects.requireNonNull(key, "matchKey");
        TxRequests.Account2FiRq rq = new TxRequests.Account2FiRq(src, value, TranRqExtraAttrs.of(key, userAttrs));
        return TxReplays.write(key, () -> trans.account2fi(rq), () -> replays.approval(key));
    }

    /** Moves {@code value} from account {@code src} to the card with PAN {@code dstPan}. */
    @TxOperation("tran.account2card")
    public TranApproveRs account2card(ContractRef src, String dstPan, LocalDate dstExpDate, MonetaryValue value,
            TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        TxRequests.Account2CardRq rq = new TxRequests.Account2CardRq(src,
                new TxRequests.DstCard(dstPan, dstExpDate), value, TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> trans.account2card(rq),
                () -> replays.approval(key));
    }

    /** Moves {@code value} from the card with PAN {@code srcPan} to account {@code dst}. */
    @TxOperation("tran.card2account")
    public TranApproveRs card2account(String srcPan, LocalDate srcExpDate, ContractRef dst, MonetaryValue value,
            TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        TxRequests.Card2AccountRq rq = new TxRequests.Card2AccountRq(
                new TxRequests.SrcCard(srcPan, srcExpDate, null), dst, value, TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> trans.card2account(rq),
                () -> replays.approval(key));
    }

    /** The transaction with internal id {@code id}. */
    @TxOperation("tran.get")
    public Tran tran(long id) {
        return TxWire.call(() -> trans.get(id, null, null));
    }

    /**
     * The transaction registered under {@code key} by a write sent at {@code sentAt} (transfers and object writes
     * alike; TX matches within its window after that time), or {@link TxNotFoundException}: how to settle a write
     * whose outcome is unknown.
     */
    @TxOperation("tran.by-match-key")
    public Tran tranByMatchKey(TxMatchKey key, java.time.Instant sentAt) {
        return replays.tranSentAt(key, sentAt);
    }

    /**
     * One page of the transactions of a contract or a card (give exactly one), registered between
     * {@code begTime} and {@code endTime} inclusive (either may be null).
     */
    @TxOperation("tran.list")
    public TxList<Tran> trans(ContractRef contract, TxCardRef card, LocalDateTime begTime, LocalDateTime endTime,
            TxPage page) {
        Map<String, String> q = new LinkedHashMap<>();
        if (contract != null) {
            TxQuery.ref(q, "contract", "id", contract.id(), "rid", contract.rid());
        }
        if (card != null) {
            TxQuery.ref(q, "card", "id", card.id(), "rid", card.rid());
        }
        TxQuery.put(q, "filter[begTime]", TxQuery.dateTime(begTime));
        TxQuery.put(q, "filter[endTime]", TxQuery.dateTime(endTime));
        TxQuery.page(q, page);
        return TxWire.call(() -> trans.list(q));
    }
}
