package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;

/**
 * {@code POST tran/reversal} and transaction lookup by reference ({@code id}, or {@code matchKey} with its
 * {@code rqSentTime}: TX matches a key only within {@code rqSentTime <= regTime <= rqSentTime + 60s}, so a key
 * without a send time is refused rather than matched for ever).
 */
final class Reversals {

    /** TX's matching window after {@code rqSentTime}. */
    static final java.time.Duration MATCH_WINDOW = java.time.Duration.ofSeconds(60);

    private final SimState state;

    Reversals(SimState state) {
        this.state = state;
    }

    /** The transaction a {@code tran-TranRef} names, or a 404. */
    SimTran find(ObjectNode ref, String path) {
        if (ref == null) {
            throw TxSimException.badRequest(path + " is required");
        }
        Long id = Ref.id(ref.get("id"), path + ".id");
        String key = SimJson.optText(ref, "matchKey", path + ".matchKey");
        String sent = SimJson.optText(ref, "rqSentTime", path + ".rqSentTime");
        LocalDateTime sentTime = sent == null ? null : SimJson.parseTime(sent, path + ".rqSentTime");
        if (id == null && key == null) {
            throw TxSimException.badRequest(path + " needs an id or a matchKey");
        }
        if (key != null && sentTime == null) {
            throw TxSimException.badRequest(path + ".rqSentTime is required with " + path + ".matchKey");
        }
        SimTran t = null;
        if (key != null) {
            Long byKey = state.tranByKey.get(key);
            t = byKey == null ? null : state.trans.get(byKey);
            if (t != null && (t.regTime.isBefore(sentTime) || t.regTime.isAfter(sentTime.plus(MATCH_WINDOW)))) {
                t = null;
            }
            if (t != null && id != null && t.id != id) {
                throw TxSimException.badRequest(path + ": id and matchKey name different transactions");
            }
        } else {
            t = state.trans.get(id);
        }
        if (t == null) {
            throw TxSimException.notFound(path + ": no such transaction");
        }
        return t;
    }

    Reply reverse(ObjectNode body, String key) {
        SimTran orig = find(SimJson.reqObject(body, "reversedTran", "reversedTran"), "reversedTran");
        SimTran t = state.newTran("tran.reversal", "Reversal", key);
        t.financial = true;
        t.reversal = true;
        t.reversedTranId = orig.id;
        t.srcContractId = orig.dstContractId;
        t.srcCardId = orig.dstCardId;
        t.dstContractId = orig.srcContractId;
        t.dstCardId = orig.srcCardId;
        t.amt = orig.amt;
        t.ccy = orig.ccy;
        if (!orig.financial || orig.reversal || !orig.approved()) {
            state.register(SimState.decline(t, new Declined(Declined.NOT_REVERSIBLE,
                    "only an approved money transfer can be reversed")));
            return Reply.of(t);
        }
        SimContract from = orig.dstContractId == null ? null : state.contracts.get(orig.dstContractId);
        SimContract to = state.contracts.get(orig.srcContractId);
        Locks.run(to, from, () -> {
            state.numberUnderLock(t);
            Declined d = null;
            if (orig.reversedBy != null) {
                d = new Declined(Declined.ALREADY_REVERSED, "transaction " + orig.id + " already reversed");
            } else if (SimContract.CLOSED.equals(to.status) || (from != null && SimContract.CLOSED.equals(from.status))) {
                d = new Declined(Declined.CONTRACT_CLOSED, "a contract of the transaction is closed");
            } else if (from != null && from.balance.compareTo(orig.amt) < 0) {
                d = new Declined(Declined.INSUFFICIENT_FUNDS, "insufficient funds to take the amount back");
            }
            if (d != null) {
                SimState.decline(t, d);
            } else {
                if (from != null) {
                    from.balance = from.balance.subtract(orig.amt);
                }
                to.balance = to.balance.add(orig.amt);
                orig.reversedBy = t.id;
                SimState.approve(t, null);
            }
            state.register(t);
        });
        return Reply.of(t);
    }
}
