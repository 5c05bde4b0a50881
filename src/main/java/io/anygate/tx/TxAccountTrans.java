package io.anygate.tx;

import io.anygate.domain.CoreTransaction;

/** Translates a TX {@code tran} into the domain's {@link CoreTransaction}. */
public final class TxAccountTrans {

    private TxAccountTrans() {
    }

    public static CoreTransaction toCore(Tran t) {
        Tran.Values v = t.values();
        MonetaryValue customer = v == null ? null : v.customer();
        MonetaryValue clearing = v == null ? null : v.clearing();
        Tran.Terminal terminal = t.terminal();
        return new CoreTransaction(t.id(), t.regTime(), t.kind(), Boolean.TRUE.equals(t.isReversal()),
                t.lifePhase(), customer == null ? null : customer.amt(), customer == null ? null : customer.ccy(),
                clearing == null ? null : clearing.amt(), clearing == null ? null : clearing.ccy(),
                terminal == null ? null : terminal.merchantCategory(), terminal == null ? null : terminal.name(),
                TxCardMapper.result(t), contractId(t.src()), contractId(t.dst()));
    }

    private static Long contractId(Tran.Party p) {
        return p == null || p.contract() == null ? null : p.contract().id();
    }
}
