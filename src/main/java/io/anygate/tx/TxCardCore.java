package io.anygate.tx;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.anygate.domain.Card;
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
import io.anygate.domain.operation.MatchKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The domain's card core on TX: a card is a TX card on its own card contract ({@code CT-CARD}), linked to the
 * account contract. Translates TX objects into domain ones ({@link TxCardMapper}); a TX failure that leaves the
 * answer open becomes {@link CardCoreUnavailable}, never a guess.
 */
@ApplicationScoped
public class TxCardCore implements CardCore {

    @Inject
    TxContracts contracts;
    @Inject
    TxCardCalls cards;
    @Inject
    TxSubjects subjects;
    @Inject
    TxTransfers transfers;
    @Inject
    CardMappingConfig config;
    @Inject
    Clock clock;
    @Inject
    TxPinReader pins;

    private static final Period DEFAULT_TERM = Period.ofYears(3);
    /** Cards whose holder is remembered per replica (a card id and a subject id each: about 1 MB when full). */
    private static final int REMEMBERED_HOLDERS = 10_000;

    /** card id -> the holder's subject id its last read named: lets the next read ask for both at once. */
    private final Cache<Long, Long> holders = Caffeine.newBuilder().maximumSize(REMEMBERED_HOLDERS).build();
    private static final Logger LOG = Logger.getLogger(TxCardCore.class);

    @Override
    public long createCardContract(String rid, long holderSubjectId, String currency,
            MatchKey key) {
        Contract c = new Contract(ContractRef.ofRid(rid), null, CatalogueRef.ofRid(config.cards().contractType()),
                SubjectRef.ofId(holderSubjectId), new ContractDetails(null, "Card contract", null, currency, null, null),
                null);
        return guard(() -> {
            ModifyTranApproveRs rs = contracts.putContract(c, tx(key));
            return rs.objectId() != null ? rs.objectId() : contracts.contract(ContractRef.ofRid(rid)).ref().id();
        });
    }

    @Override
    public void activateContract(long contractId, MatchKey key) {
        guard(() -> contracts.activate(ContractRef.ofId(contractId), tx(key)));
    }

    @Override
    public void linkToAccount(long cardContractId, long accountContractId, MatchKey key) {
        Contract2Contract link = new Contract2Contract(null, ContractRef.ofId(cardContractId), null,
                ContractRef.ofId(accountContractId), null, config.cards().linkKind(), null, null);
        // TX's link write has no match key: TxContracts.link reads the links before linking, on every attempt.
        guard(() -> contracts.link(link));
    }

    @Override
    public long createCard(NewCard n, MatchKey key) {
        TxCard tx = TxCardMapper.newCard(n, config);
        return guard(() -> {
            ModifyTranApproveRs rs = cards.putCard(tx, tx(key));
            return rs.objectId() != null ? rs.objectId() : cards.card(TxCardRef.ofRid(n.rid())).ref().id();
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
                return Optional.of(cards.card(TxCardRef.ofRid(rid)).ref().id());
            } catch (TxNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void closeContract(long contractId, MatchKey finishKey,
            MatchKey closeKey) {
        guard(() -> {
            ContractDetails d = contracts.contract(ContractRef.ofId(contractId)).details();
            if (d != null && Contract.CLOSED.equalsIgnoreCase(d.status())) {
                return null;
            }
            // Credit contracts (the class of the card contract) must be finished before they close.
            contracts.finish(ContractRef.ofId(contractId), tx(finishKey));
            return contracts.close(ContractRef.ofId(contractId), tx(closeKey));
        });
    }

    @Override
    public void deleteCard(long cardId, MatchKey key) {
        guard(() -> {
            try {
                return cards.deleteCard(TxCardRef.ofId(cardId), tx(key));
            } catch (TxDeclinedException e) {
                return null; // already closed: the undo is done
            }
        });
    }

    @Override
    public Card card(OwnedCard owned) {
        return guard(() -> TxWire.await(TxWire.onEventLoop(() -> cardAsync(owned))));
    }

    @Override
    public CardStanding standing(OwnedCard owned) {
        // The balance read does not depend on the card read: both are sent at once, with the holder's read when the
        // card's holder is known from an earlier read (else it follows the card's). The caller's thread waits once.
        CompletionStage<CardStanding> standing = TxWire.onEventLoop(() -> {
            CompletionStage<BigDecimal> balance = contracts.contractAsync(ContractRef.ofId(owned.cardContractId()))
                    .thenApply(Contract::availableOrZero);
            return cardAsync(owned).thenCombine(balance, CardStanding::new);
        });
        return guard(() -> TxWire.await(standing));
    }

    /**
     * The card and its holder. The holder's subject is known only from the card, so a first read of a card reads
     * them one after the other; the holder's id is then remembered, and later reads ask for the card and that
     * subject at once. The card read decides: when it names another holder (or none), the early subject read is
     * dropped and the card's own holder is read.
     */
    private CompletionStage<Card> cardAsync(OwnedCard owned) {
        Long expected = holders.getIfPresent(owned.cardId());
        CompletionStage<Subject> early = expected == null ? null : subjects.subjectAsync(SubjectRef.ofId(expected));
        return cards.cardAsync(TxCardRef.ofId(owned.cardId())).thenCompose(c -> {
            Long holderId = c.holder() == null ? null : c.holder().id();
            if (holderId == null) {
                holders.invalidate(owned.cardId());
                return CompletableFuture.completedFuture(TxCardMapper.card(c, owned, null));
            }
            CompletionStage<Subject> subject;
            if (holderId.equals(expected)) {
                subject = early;
            } else {
                holders.put(owned.cardId(), holderId);
                subject = subjects.subjectAsync(SubjectRef.ofId(holderId));
            }
            return subject.thenApply(s -> TxCardMapper.card(c, owned, holder(s.details())));
        });
    }

    private static Person holder(SubjectDetails d) {
        // the mobile, as the account holder's translation reads it: where a PIN text goes
        return d == null ? null : new Person(Gender.fromTx(d.gender()).orElse(null), d.firstName(), d.lastName(),
                null, null, null, TxAccountHolders.mobile(d), null, null);
    }

    @Override
    public void change(long cardId, CardStatus status, CardRestrictions restrictions,
            MatchKey key) {
        // A PUT card replaces the card (docs/tx-contract.md): the whole card goes back, only these fields changed.
        guard(() -> cards.updateCard(TxCardRef.ofId(cardId), card -> {
            if (status != null) {
                card.put("status", status.txStatus());
                card.put("lifePhaseRid", status.txLifePhase());
            }
            if (restrictions != null) {
                card.putObject("restrictionsProfile").put("rid", restrictions.rid());
            }
            return card;
        }, tx(key)));
    }

    @Override
    public long reissue(long cardId, String newRid, boolean active, MatchKey key) {
        LocalDate today = LocalDate.now(clock);
        return guard(() -> {
            ModifyTranApproveRs rs = cards.reissue(TxCardRef.ofId(cardId), old -> newCard(old, newRid, active, today),
                    true, true, true, tx(key));
            return rs.objectId() != null ? rs.objectId() : cards.card(TxCardRef.ofRid(newRid)).ref().id();
        });
    }

    /**
     * The new card of a reissue, made of the old one's object: what the holder sees on it (names, delivery, notes,
     * user attributes...) is kept; identity, status and dates are the new card's. TX's {@code card} requires
     * {@code dates.expiration}: the new card runs as long as the old one did (creation to expiry, whole months),
     * from today, to the end of that month; 3 years when the old card's dates do not say.
     */
    static ObjectNode newCard(ObjectNode old, String newRid, boolean active, LocalDate today) {
        Period term = term(old.path("dates"));
        for (String own : new String[] {"ref", "holder", "issuingContractType", "issuingContract", "financialContract",
                "mainCard", "product", "design", "panMask", "mbr", "status", "lifePhaseRid", "restrictionsProfile",
                "dates"}) {
            old.remove(own);
        }
        old.putObject("ref").put("rid", newRid);
        old.put("status", active ? CardStatus.ACT.txStatus() : CardStatus.ORD.txStatus());
        old.putObject("dates").put("expiration",
                today.plus(term).with(TemporalAdjusters.lastDayOfMonth()).toString());
        return old;
    }

    private static Period term(com.fasterxml.jackson.databind.JsonNode dates) {
        try {
            LocalDate from = LocalDate.parse(dates.path("creation").asText());
            LocalDate to = LocalDate.parse(dates.path("expiration").asText());
            Period p = Period.between(from.withDayOfMonth(1), to.withDayOfMonth(1)).normalized();
            return p.isNegative() || p.isZero() ? DEFAULT_TERM : p;
        } catch (java.time.format.DateTimeParseException e) {
            return DEFAULT_TERM;
        }
    }

    @Override
    public List<CoreTransaction> history(long contractId) {
        return guard(() -> {
            List<CoreTransaction> out = new ArrayList<>();
            int offset = 0;
            while (true) {
                TxList<Tran> page = transfers.trans(ContractRef.ofId(contractId), null, null, null,
                        new TxPage(offset, 1000, TxPage.ID_DESC));
                page.objects().forEach(t -> out.add(TxCardMapper.transaction(t)));
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
                return Optional.of(TxCardMapper.transaction(transfers.tran(tranId)));
            } catch (TxNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public CardSecretValues secrets(long cardId) {
        return guard(() -> {
            TxCardRef ref = TxCardRef.ofId(cardId);
            String pan = cards.pan(ref).pan();
            TxCard c = cards.card(ref);
            return new CardSecretValues(pan, cards.cvv2(ref).cvv2(), c.dates() == null ? null : c.dates().expiration());
        });
    }

    @Override
    public String pin(long cardId, String pan) {
        String block = guard(() -> cards.pin(TxCardRef.ofId(cardId)).pinBlock());
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

    private static TxMatchKey tx(MatchKey key) {
        return TxMatchKey.of(key.value());
    }

    private static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (TxUnavailableException | TxTimeoutException | TxUnauthorizedException e) {
            throw new CardCoreUnavailable("the card processor is unavailable", e);
        }
    }
}
