package io.anygate.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** TX contracts (accounts and card contracts) and contract-to-contract links, fault tolerant. */
@ApplicationScoped
public class TxContracts {

    @Inject
    @RestClient
    TxContractsClient contracts;

    @Inject
    TxReplayLookup replays;

    /** The contract under {@code ref}, with status and balances; {@link TxNotFoundException} when none. */
    @TxOperation("contract.get")
    public CompletionStage<Contract> contractAsync(ContractRef ref) {
        return TxWire.callAsync(() -> contracts.getAsync(ref.id(), ref.rid()));
    }

    /** {@link #contractAsync}, waited for (a self-invocation: ArC applies the interceptors to it). */
    public Contract contract(ContractRef ref) {
        return TxWire.await(TxWire.onEventLoop(() -> contractAsync(ref)));
    }

    /**
     * Creates or updates a contract ({@code PUT /tx/v1/contract}). {@code ref.rid} is required: a repeat
     * answered "already processed" is recovered by reading the contract back by it.
     */
    @TxOperation("contract.put")
    public ModifyTranApproveRs putContract(Contract contract, TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        String rid = Objects.requireNonNull(contract.ref() == null ? null : contract.ref().rid(), "contract.ref.rid");
        TxRequests.ObjectRq<Contract> rq = new TxRequests.ObjectRq<>(contract, TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> contracts.put(rq), () -> {
            Contract original = TxWire.call(() -> contracts.get(null, rid));
            return new ModifyTranApproveRs(replays.tranIdOrNull(key), null, original.ref().id());
        });
    }

    /** Activates a contract ({@code POST /tx/v1/contract/activate}). */
    @TxOperation("contract.activate")
    public TranApproveRs activate(ContractRef ref, TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        TxRequests.TranRq rq = new TxRequests.TranRq(TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> contracts.activate(ref.id(), ref.rid(), rq),
                () -> replays.approval(key));
    }

    /**
     * Prepares a contract for closure ({@code POST /tx/v1/contract/finish}); credit contracts, the class of every
     * contract the gateway uses, must be finished before {@link #close}.
     */
    @TxOperation("contract.finish")
    public TranApproveRs finish(ContractRef ref, TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        TxRequests.TranRq rq = new TxRequests.TranRq(TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> contracts.finish(ref.id(), ref.rid(), rq),
                () -> replays.approval(key));
    }

    /** Closes a finished contract with no money on it ({@code POST /tx/v1/contract/close}). */
    @TxOperation("contract.close")
    public TranApproveRs close(ContractRef ref, TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        TxRequests.TranRq rq = new TxRequests.TranRq(TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> contracts.close(ref.id(), ref.rid(), rq),
                () -> replays.approval(key));
    }

    /** One page of a client's contracts, optionally of one contract type ({@code typeRid} may be null). */
    @TxOperation("contract.list")
    public TxList<Contract> contracts(SubjectRef client, String typeRid, TxPage page) {
        Map<String, String> q = new LinkedHashMap<>();
        TxQuery.ref(q, "filter", "clientId", client.id(), "clientRid", client.rid());
        TxQuery.put(q, "filter[typeRid]", typeRid);
        TxQuery.page(q, page);
        return TxWire.call(() -> contracts.list(q));
    }

    /**
     * Links {@code contract1} to {@code contract2} ({@code PUT /tx/v1/contract2contract}) unless a link of the same
     * kind between them exists already, whose id is then answered (no {@code tranId}). The spec's link body has no
     * {@code tranRq}, so TX cannot recognise a repeat by a match key: the link is made idempotent by reading the
     * links of {@code contract1} first, on every attempt (a retry after a lost answer finds the link it made).
     */
    @TxOperation("contract.link.put")
    public ModifyTranApproveRs link(Contract2Contract link) {
        Objects.requireNonNull(link.contract1(), "contract1");
        Objects.requireNonNull(link.contract2(), "contract2");
        Map<String, String> q = new LinkedHashMap<>();
        TxQuery.ref(q, "filter", "contract1Id", link.contract1().id(), "contract1Rid", link.contract1().rid());
        TxQuery.ref(q, "filter", "contract2Id", link.contract2().id(), "contract2Rid", link.contract2().rid());
        TxQuery.put(q, "filter[kind]", link.kind());
        TxQuery.page(q, new TxPage(0, 1, TxPage.ID_ASC));
        TxList<Contract2Contract> found = TxWire.call(() -> contracts.listLinks(q));
        if (!found.objects().isEmpty()) {
            return new ModifyTranApproveRs(null, null, found.objects().get(0).id());
        }
        return TxWire.call(() -> contracts.putLink(link));
    }

    /**
     * Sets the balance of the contract's account {@code accountRole} ({@code PUT /tx/v1/contract/balance}); the
     * gateway funds sandbox accounts with it. A repeat answered "already processed" is recovered by the match key.
     */
    @TxOperation("contract.balance")
    public TranApproveRs setBalance(ContractRef ref, String accountRole, String ccy, java.math.BigDecimal balance,
            TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        TxRequests.BalanceRq rq = new TxRequests.BalanceRq(balance, TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> contracts.setBalance(ref.id(), ref.rid(), accountRole, ccy, rq),
                () -> replays.approval(key));
    }
}
