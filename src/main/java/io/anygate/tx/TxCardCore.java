package io.anygate.tx;

import io.anygate.domain.CardRestrictions;
import io.anygate.domain.CardStatus;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.Gender;
import io.anygate.domain.Person;
import io.anygate.domain.card.CardCore;
import io.anygate.domain.card.CardCoreUnavailable;
import io.anygate.domain.card.CardMappingConfig;
import io.anygate.domain.card.CardPinUnreadable;
import io.anygate.domain.card.CardSecretValues;
import io.anygate.domain.card.NewCard;
import io.anygate.domain.card.OwnedCard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The domain's card core on TX: a card is a TX card on its own card contract ({@code CT-CARD}), linked to the
 * account contract. Translates TX objects into domain ones ({@link TxCardViews}); a TX failure that leaves the
 * answer open becomes {@link CardCoreUnavailable}, never a guess.
 */
@ApplicationScoped
public class TxCardCore implements CardCore {

    @Inject
    TxContracts contracts;
    @Inject
    TxCards cards;
    @Inject
    TxSubjects subjects;
    @Inject
    TxTransfers transfers;
    @Inject
    CardMappingConfig config;
    @Inject
    TxPinReader pins;

    private static final Logger LOG = Logger.getLogger(TxCardCore.class);

    @Override
    public long createCardContract(String rid, long holderSubjectId, String currency,
            io.anygate.domain.operation.MatchKey key) {
        Contract c = new Contract(ContractRef.ofRid(rid), null, CatalogueRef.ofRid(config.cards().contractType()),
                SubjectRef.ofId(holderSubjectId), new ContractDetails(null, "Card contract", null, currency, null, null),
                null);
        return guard(() -> {
            ModifyTranApproveRs rs = contracts.putContract(c, tx(key));
            return rs.objectId() != null ? rs.objectId() : contracts.contract(ContractRef.ofRid(rid)).ref().id();
        });
    }

    @Override
    public void activateContract(long contractId, io.anygate.domain.operation.MatchKey key) {
        guard(() -> contracts.activate(ContractRef.ofId(contractId), tx(key)));
    }

    @Override
    public void linkToAccount(long cardContractId, long accountContractId, io.anygate.domain.operation.MatchKey key) {
        Contract2Contract link = new Contract2Contract(null, ContractRef.ofId(cardContractId), null,
                ContractRef.ofId(accountContractId), null, config.cards().linkKind(), null, null);
        guard(() -> contracts.putLink(link, tx(key)));
    }

    @Override
    public long createCard(NewCard n, io.anygate.domain.operation.MatchKey key) {
        Card tx = TxCardViews.newCard(n, config);
        return guard(() -> {
            ModifyTranApproveRs rs = cards.putCard(tx, tx(key));
            return rs.objectId() != null ? rs.objectId() : cards.card(CardRef.ofRid(n.rid())).ref().id();
        });
    }

    @Override
    public Optional<Long> contractByRid(String rid) {
        return guard(() -> {
            try {
                return Optional.of(contracts.contract(ContractRef.ofRid(rid)).ref().id());
            } catch (TxNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<Long> cardByRid(String rid) {
        return guard(() -> {
            try {
                return Optional.of(cards.card(CardRef.ofRid(rid)).ref().id());
            } catch (TxNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void closeContract(long contractId, io.anygate.domain.operation.MatchKey key) {
        guard(() -> contracts.close(ContractRef.ofId(contractId), tx(key)));
    }

    @Override
    public void deleteCard(long cardId, io.anygate.domain.operation.MatchKey key) {
        guard(() -> {
            try {
                return cards.deleteCard(CardRef.ofId(cardId), tx(key));
            } catch (TxDeclinedException e) {
                return null; // already closed: the undo is done
            }
        });
    }

    @Override
    public io.anygate.domain.Card card(OwnedCard owned) {
        return guard(() -> TxWire.await(TxWire.onEventLoop(() -> cardAsync(owned))));
    }

    @Override
    public CardStanding standing(OwnedCard owned) {
        // The balance read does not depend on the card read: both are sent at once, and the holder's read follows
        // the card's. The caller's thread waits once, for both.
        CompletionStage<CardStanding> standing = TxWire.onEventLoop(() -> {
            CompletionStage<BigDecimal> balance = contracts.contractAsync(ContractRef.ofId(owned.cardContractId()))
                    .thenApply(Contract::availableOrZero);
            return cardAsync(owned).thenCombine(balance, CardStanding::new);
        });
        return guard(() -> TxWire.await(standing));
    }

    private CompletionStage<io.anygate.domain.Card> cardAsync(OwnedCard owned) {
        return cards.cardAsync(CardRef.ofId(owned.cardId())).thenCompose(c -> {
            if (c.holder() == null || c.holder().id() == null) {
                return CompletableFuture.completedFuture(TxCardViews.card(c, owned, null));
            }
            return subjects.subjectAsync(SubjectRef.ofId(c.holder().id()))
                    .thenApply(s -> TxCardViews.card(c, owned, holder(s.details())));
        });
    }

    private static Person holder(SubjectDetails d) {
        return d == null ? null : new Person(Gender.fromTx(d.gender()).orElse(null), d.firstName(), d.lastName(),
                null, null, null, null, null, null);
    }

    @Override
    public void change(long cardId, CardStatus status, CardRestrictions restrictions,
            io.anygate.domain.operation.MatchKey key) {
        guard(() -> {
            Card current = cards.card(CardRef.ofId(cardId));
            Card change = Card.change(new CardRef(cardId, current.ref().rid()),
                    status == null ? null : status.txStatus(), status == null ? null : status.txLifePhase(),
                    restrictions == null ? null : CatalogueRef.ofRid(restrictions.rid()));
            return cards.putCard(change, tx(key));
        });
    }

    @Override
    public long reissue(long cardId, String newRid, boolean active, io.anygate.domain.operation.MatchKey key) {
        return guard(() -> {
            Card old = cards.card(CardRef.ofId(cardId));
            Card newCard = new Card(CardRef.ofRid(newRid), null, null, null, null, null, null, null, null,
                    active ? "Active" : "Inactive", null, null, old.names(), null, old.logistics(), old.userAttrs());
            ModifyTranApproveRs rs = cards.reissue(CardRef.ofId(cardId), newCard, true, true, true, tx(key));
            return rs.objectId() != null ? rs.objectId() : cards.card(CardRef.ofRid(newRid)).ref().id();
        });
    }

    @Override
    public List<CoreTransaction> history(long contractId) {
        return guard(() -> {
            List<CoreTransaction> out = new ArrayList<>();
            int offset = 0;
            while (true) {
                TxList<Tran> page = transfers.trans(ContractRef.ofId(contractId), null, null, null,
                        new TxPage(offset, 1000, TxPage.ID_DESC));
                page.objects().forEach(t -> out.add(TxCardViews.transaction(t)));
                if (!page.hasMore() || page.objects().isEmpty()) {
                    return out;
                }
                offset += page.objects().size();
            }
        });
    }

    @Override
    public Optional<CoreTransaction> transaction(long tranId) {
        return guard(() -> {
            try {
                return Optional.of(TxCardViews.transaction(transfers.tran(tranId)));
            } catch (TxNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public CardSecretValues secrets(long cardId) {
        return guard(() -> {
            CardRef ref = CardRef.ofId(cardId);
            String pan = cards.pan(ref).pan();
            Card c = cards.card(ref);
            return new CardSecretValues(pan, cards.cvv2(ref).cvv2(), c.dates() == null ? null : c.dates().expiration());
        });
    }

    @Override
    public String pin(long cardId, String pan) {
        String block = guard(() -> cards.pin(CardRef.ofId(cardId)).pinBlock());
        try {
            return pins.pin(block, pan);
        } catch (TxPinBlock.Unreadable e) {
            // a configuration fault to fix, not a request's: one line, no stack, never the block nor the key
            LOG.errorf("The PIN block TX sent for card %d does not read under gateway.tx.pin (format %s): %s;"
                    + " check that gateway.tx.pin.format and gateway.tx.pin.key are TX's", cardId, pins.format(),
                    e.getMessage());
            throw new CardPinUnreadable("the card processor's PIN block did not read under the configured PIN key");
        }
    }

    private static MatchKey tx(io.anygate.domain.operation.MatchKey key) {
        return MatchKey.of(key.value());
    }

    private static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (TxUnavailableException | TxTimeoutException | TxUnauthorizedException e) {
            throw new CardCoreUnavailable("the card processor is unavailable", e);
        }
    }
}
