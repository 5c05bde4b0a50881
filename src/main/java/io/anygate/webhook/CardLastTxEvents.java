package io.anygate.webhook;

import io.anygate.GatewayConfig;
import io.anygate.anytime.transactions.TransactionMapper;
import io.anygate.domain.CardRef;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.TransactionComments;
import io.anygate.domain.operation.MoneyComments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;

/**
 * The one way a {@code card_last_tx} event is made, whoever notices the transaction (the build step of an
 * approved load or unload, {@link CardLastTxBuilder}, or the TX transaction follower): TX transaction →
 * {@link CoreTransaction} → the Anytime card transaction of {@link TransactionMapper} → the webhook body. Same
 * transaction, same JSON, same event id ({@code card_last_tx:{txid}}), so the outbox keeps one. The description of
 * a partner's load or unload is its card comment ({@link #journaled}, one journal read per batch).
 */
@ApplicationScoped
public class CardLastTxEvents {

    @Inject
    WebhookOutbox outbox;

    @Inject
    GatewayConfig gateway;

    @Inject
    TransactionComments comments;

    @Inject
    Clock clock;

    /**
     * The journaled loads and unloads among a batch of the card's transactions and the partner's comments on them, by
     * TX transaction id (one store read; absent: not a journaled approval). The callers make several events at once
     * and pass each its own to {@link #event}.
     */
    public Map<Long, MoneyComments> journaled(OwnedCard card, Collection<Long> tranIds) {
        return tranIds.isEmpty() ? Map.of() : comments.of(card.partnerId(), tranIds);
    }

    /**
     * The event of a card's transaction with its balance after (TX cannot tell it: the callers derive it from the
     * current balance, {@code domain.money.BalanceAfter}) and the partner's comments on it (NONE when it is not a
     * load or unload with comments): the card comment is its description.
     */
    public WebhookEvent event(OwnedCard card, CoreTransaction t, BigDecimal balanceAfter, MoneyComments comments) {
        var mapped = new TransactionMapper(gateway.txZone()).toCardTransaction(t, card.cardContractId(), balanceAfter,
                comments.card());
        CardLastTx body = CardLastTx.of(CardRef.ofTxCard(card.cardId()).value(), Long.toString(card.accountId()),
                CardLastTx.Transaction.from(mapped));
        return WebhookEvent.cardLastTx(card.partnerId(), body, clock.instant());
    }

    /**
     * Enqueues with a balance the caller computed (the follower walks a page backwards from one balance); true when
     * the event is new.
     */
    public boolean enqueue(OwnedCard card, CoreTransaction t, BigDecimal balanceAfter, MoneyComments comments) {
        return outbox.enqueue(event(card, t, balanceAfter, comments));
    }
}
