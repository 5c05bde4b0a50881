package io.anygate.tx;

import io.anygate.domain.CardType;
import io.anygate.domain.UnknownCoreValue;
import io.anygate.domain.money.CardHolding;
import io.anygate.domain.money.CardStanding;
import io.anygate.domain.money.CoreLedger;
import io.anygate.domain.money.MoneyCard;
import io.anygate.domain.money.TransferOutcome;
import io.anygate.domain.operation.MatchKey;
import io.anygate.domain.operation.MoneyComments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The domain's core ledger on TX: a load or unload is one contract-to-contract transfer
 * ({@code tran/account2account}), so no PAN is ever needed on a money path. Translates TX answers and typed
 * errors into the domain's outcomes; an error that leaves the outcome open is Unknown, never a guess.
 */
@ApplicationScoped
public class TxMoneyLedger implements CoreLedger {

    /** TX user attribute of a transfer carrying the partner's {@code acc_comment}. */
    static final String ACC_COMMENT = "AGW-ACC-COMMENT";
    /** TX user attribute of a transfer carrying the partner's {@code card_comment}. */
    static final String CARD_COMMENT = "AGW-CARD-COMMENT";

    @Inject
    TxTransfers transfers;

    @Inject
    TxCardCalls cards;

    @Inject
    TxContracts contracts;

    @Override
    public TransferOutcome transfer(long fromContractId, long toContractId, BigDecimal amount, String currency,
            MatchKey key, MoneyComments comments) {
        TxSendTrace trace = new TxSendTrace();
        try {
            TranApproveRs rs = transfers.account2account(ContractRef.ofId(fromContractId),
                    ContractRef.ofId(toContractId), new MonetaryValue(amount, currency), TxMatchKey.of(key.value()),
                    userAttrs(comments), trace);
            if (rs == null || rs.tranId() == null) {
                // An approval without a transaction id cannot be trusted as one: ask TX by matchKey.
                return new TransferOutcome.Unknown("approval without tranId");
            }
            return new TransferOutcome.Approved(rs.tranId());
        } catch (TxDeclinedException e) {
            return new TransferOutcome.Declined(e.tranId(), e.code(), e.description());
        } catch (TxUnavailableException e) {
            // Not sent only if no attempt reached TX: each refused by the breaker, the bulkhead or a refused
            // connection. One that may have reached TX leaves the outcome to the matchKey lookup.
            return trace.neverReachedTx() ? new TransferOutcome.NotSent(e.getMessage())
                    : new TransferOutcome.Unknown(e.getMessage());
        } catch (TxTimeoutException e) {
            return new TransferOutcome.Unknown(e.getMessage());
        } catch (TxInvalidRequestException e) {
            // Refused as malformed: the same body was refused on every attempt, nothing was applied.
            return new TransferOutcome.Declined(null, "REJECTED", e.getMessage());
        } catch (TxNotFoundException e) {
            // A contract TX no longer shows, or a 404 from something between us and TX: after an attempt whose answer
            // was lost, that proves nothing about the earlier one. Only the matchKey can tell.
            return new TransferOutcome.Unknown(e.getMessage());
        } catch (TxException e) {
            // Unauthorized or anything else: the request may have been sent; only the matchKey can tell.
            return new TransferOutcome.Unknown(e.getMessage());
        }
    }

    /**
     * The partner's comments as TX user attributes of the transfer, for TX-side operators: {@code AGW-ACC-COMMENT} and
     * {@code AGW-CARD-COMMENT}, an absent comment not sent (docs/tx-contract.md).
     */
    static List<UserAttr> userAttrs(MoneyComments comments) {
        List<UserAttr> attrs = new ArrayList<>(2);
        if (comments.account() != null) {
            attrs.add(new UserAttr(ACC_COMMENT, comments.account()));
        }
        if (comments.card() != null) {
            attrs.add(new UserAttr(CARD_COMMENT, comments.card()));
        }
        return attrs;
    }

    @Override
    public Optional<TransferOutcome> lookup(MatchKey key, Instant sentAt) {
        try {
            Tran tran = transfers.tranByMatchKey(TxMatchKey.of(key.value()), sentAt);
            if (tran.approved()) {
                return Optional.of(new TransferOutcome.Approved(tran.id()));
            }
            if (tran.declined()) {
                return Optional.of(new TransferOutcome.Declined(tran.id(), tran.result(), "registered as " + tran.result()));
            }
            // a result outside the table: neither applied nor declined is known, so the operation stays unresolved
            UnknownCoreValue.of("transaction result", tran.result());
            return Optional.of(new TransferOutcome.Unknown("TX transaction result outside the translation table"));
        } catch (TxNotFoundException e) {
            return Optional.empty();
        } catch (TxException e) {
            return Optional.of(new TransferOutcome.Unknown(e.getMessage()));
        }
    }

    @Override
    public Instant registeredBy(Instant sentAt) {
        return TxReplays.registeredBy(sentAt);
    }

    @Override
    public Optional<BigDecimal> balance(long contractId) {
        try {
            return available(contracts.contract(ContractRef.ofId(contractId)));
        } catch (TxException e) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> available(Contract contract) {
        return Optional.ofNullable(contract.details()).map(ContractDetails::balances)
                .map(ContractDetails.Balances::available);
    }

    @Override
    public CardStanding standing(long cardId) {
        return standing(cards.card(TxCardRef.ofId(cardId)));
    }

    @Override
    public MoneyCard card(long cardId) {
        return moneyCard(cards.card(TxCardRef.ofId(cardId)));
    }

    /** The card and its contract's balance sent together: an unload waits for one round trip, not two. */
    @Override
    public CardHolding cardHolding(long cardId, long cardContractId) {
        return TxWire.await(TxWire.onEventLoop(() -> {
            CompletionStage<Optional<BigDecimal>> available;
            try {
                available = contracts.contractAsync(ContractRef.ofId(cardContractId))
                        .handle((contract, failure) -> failure == null ? available(contract) : Optional.empty());
            } catch (TxException e) {
                available = CompletableFuture.completedFuture(Optional.empty());
            }
            return cards.cardAsync(TxCardRef.ofId(cardId))
                    .thenCombine(available, (card, holds) -> new CardHolding(moneyCard(card), holds));
        }));
    }

    private static MoneyCard moneyCard(TxCard card) {
        return new MoneyCard(standing(card), TxCardMapper.type(card) == CardType.VIRTUAL_SINGLE_USE);
    }

    private static CardStanding standing(TxCard card) {
        String status = card.status();
        if (status == null) {
            return CardStanding.NOT_ACTIVATED;
        }
        return switch (status) {
            case "Active" -> CardStanding.ACTIVE;
            case "Inactive" -> CardStanding.NOT_ACTIVATED;
            case "Blocked" -> CardStanding.BLOCKED;
            default -> CardStanding.CANCELLED; // Lost, Stolen, Damaged, Closed: final
        };
    }
}
