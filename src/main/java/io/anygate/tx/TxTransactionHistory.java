package io.anygate.tx;

import io.anygate.domain.CoreTransaction;
import io.anygate.domain.money.TransactionHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The domain's transaction history on TX ({@code GET trans} by contract), and the one
 * translation of a TX {@code tran} into the domain's {@link CoreTransaction}. TX errors propagate as typed
 * {@link TxException}s: a reader that cannot ask TX now tries later.
 */
@ApplicationScoped
public class TxTransactionHistory implements TransactionHistory {

    @Inject
    TxTransfers transfers;

    @Override
    public Page oldestFirst(long contractId, int offset, int limit) {
        return page(contractId, new TxPage(offset, limit, TxPage.ID_ASC));
    }

    @Override
    public Page newestFirst(long contractId, int offset, int limit) {
        return page(contractId, new TxPage(offset, limit, TxPage.ID_DESC));
    }

    private Page page(long contractId, TxPage page) {
        TxList<Tran> list = transfers.trans(ContractRef.ofId(contractId), null, null, null, page);
        return new Page(list.objects().stream().map(TxTransactionHistory::toCore).toList(), list.hasMore());
    }

    /** A TX transaction as the domain sees it (docs/mapping.md "Transactions"). */
    public static CoreTransaction toCore(Tran t) {
        MonetaryValue customer = t.values() == null ? null : t.values().customer();
        MonetaryValue clearing = t.values() == null ? null : t.values().clearing();
        return new CoreTransaction(t.id(), t.regTime(), t.kind(), Boolean.TRUE.equals(t.isReversal()), t.lifePhase(),
                customer == null || customer.amt() == null ? null : customer.amt().abs(),
                customer == null ? null : customer.ccy(),
                clearing == null || clearing.amt() == null ? null : clearing.amt().abs(),
                clearing == null ? null : clearing.ccy(),
                t.terminal() == null ? null : t.terminal().merchantCategory(),
                t.terminal() == null ? null : t.terminal().name(),
                TxCardMapper.result(t), contractId(t.src()), contractId(t.dst()));
    }

    private static Long contractId(Tran.Party party) {
        return party == null || party.contract() == null ? null : party.contract().id();
    }
}
