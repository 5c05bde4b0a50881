package io.anygate.domain.card;

import io.anygate.domain.Card;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.card.CardRefused.Reason;
import io.anygate.domain.money.TransactionComments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a partner may read of its cards. Every read starts with ownership: another partner's card and a card that
 * does not exist are refused alike ({@link Reason#CARD_NOT_OWNED}).
 */
@ApplicationScoped
public class CardQueries {

    @Inject
    CardOwnership cards;
    @Inject
    CardCore core;
    @Inject
    TransactionComments comments;

    /** A card with its balance. */
    public record CardView(OwnedCard owned, Card card, BigDecimal balance) {
    }

    /**
     * A transaction seen from the card, with the card balance right after it and, when it is one of the partner's
     * loads or unloads, the partner's card-side comment on it (else null).
     */
    public record CardLine(CoreTransaction transaction, BigDecimal balanceAfter, String comment) {
    }

    /** One page of a card's history and the size of the whole history. */
    public record CardLines(CardView card, List<CardLine> lines, long total) {
    }

    public OwnedCard owned(String partnerId, long cardId) {
        return cards.find(partnerId, cardId)
                .orElseThrow(() -> new CardRefused(Reason.CARD_NOT_OWNED, "card not found for this partner"));
    }

    public Card card(String partnerId, long cardId) {
        return core.card(owned(partnerId, cardId));
    }

    public CardView view(String partnerId, long cardId) {
        OwnedCard owned = owned(partnerId, cardId);
        CardCore.CardStanding standing = core.standing(owned);
        return new CardView(owned, standing.card(), standing.balance());
    }

    /**
     * The card's transactions registered between {@code from} and {@code to} (TX local times, inclusive, either
     * null), newest first, from {@code offset}, at most {@code limit}. {@code total} counts the whole history, as
     * the Anytime document defines it ("no date or limit filter").
     */
    public CardLines lines(String partnerId, long cardId, LocalDateTime from, LocalDateTime to, long offset,
            int limit) {
        CardView view = view(partnerId, cardId);
        List<CardLine> all = withBalances(view);
        List<CardLine> dated = all.stream().filter(l -> within(l.transaction().regTime(), from, to)).toList();
        List<CardLine> page = offset >= dated.size() ? List.of()
                : dated.subList((int) offset, (int) Math.min(dated.size(), offset + limit));
        return new CardLines(view, withComments(partnerId, page), all.size());
    }

    /** One transaction of the card; any other id is {@link Reason#TRANSACTION_NOT_FOUND}. */
    public CardLine line(String partnerId, long cardId, long tranId) {
        CardView view = view(partnerId, cardId);
        Optional<CoreTransaction> t = core.transaction(tranId);
        long contract = view.owned().cardContractId();
        if (t.isEmpty() || !touches(t.get(), contract)) {
            throw new CardRefused(Reason.TRANSACTION_NOT_FOUND, "no such transaction on this card");
        }
        CardLine line = withBalances(view).stream().filter(l -> l.transaction().id() == tranId).findFirst()
                .orElse(new CardLine(t.get(), view.balance(), null));
        return withComments(partnerId, List.of(line)).get(0);
    }

    /** The card's secrets for its owner. */
    public CardSecretValues secrets(String partnerId, long cardId) {
        return core.secrets(owned(partnerId, cardId).cardId());
    }

    /** The card's PIN for its owner; {@code pan} is the card's, from {@link #secrets}. */
    public String pin(String partnerId, long cardId, String pan) {
        return core.pin(owned(partnerId, cardId).cardId(), pan);
    }

    // TX trans carry no balance: walk back from the current balance over newer money-moving transactions.
    private List<CardLine> withBalances(CardView view) {
        long contract = view.owned().cardContractId();
        BigDecimal running = view.balance();
        List<CardLine> out = new ArrayList<>();
        for (CoreTransaction t : core.history(contract)) {
            if (!touches(t, contract)) {
                continue;
            }
            out.add(new CardLine(t, running, null));
            if (t.movesMoney()) {
                BigDecimal amount = t.amount() == null ? BigDecimal.ZERO : t.amount().abs();
                running = t.directionFor(contract) == CoreTransaction.Direction.CREDIT ? running.subtract(amount)
                        : running.add(amount);
            }
        }
        return out;
    }

    // The comments of a page's loads and unloads, from the journal in one read (TX keeps no free text).
    private List<CardLine> withComments(String partnerId, List<CardLine> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, String> byTran = comments.cardSide(partnerId, page.stream().map(l -> l.transaction().id()).toList());
        return page.stream().map(l -> new CardLine(l.transaction(), l.balanceAfter(),
                byTran.get(l.transaction().id()))).toList();
    }

    private static boolean touches(CoreTransaction t, long contract) {
        return (t.srcContractId() != null && t.srcContractId() == contract)
                || (t.dstContractId() != null && t.dstContractId() == contract);
    }

    private static boolean within(LocalDateTime time, LocalDateTime from, LocalDateTime to) {
        return time == null || ((from == null || !time.isBefore(from)) && (to == null || !time.isAfter(to)));
    }
}
