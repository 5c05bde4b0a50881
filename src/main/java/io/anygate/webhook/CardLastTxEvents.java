package io.anygate.webhook;

import io.anygate.anytime.transactions.TransactionMapper;
import io.anygate.domain.CardRef;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.card.OwnedCard;
import io.anygate.tx.TxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;

/**
 * The one way a {@code card_last_tx} event is made, whoever notices the transaction (the build step of an
 * approved load or unload, {@link CardLastTxBuilder}, or the TX transaction follower): TX transaction →
 * {@link CoreTransaction} → the Anytime card transaction of {@link TransactionMapper} → the webhook body. Same
 * transaction, same JSON, same event id ({@code card_last_tx:{txid}}), so the outbox keeps one.
 */
@ApplicationScoped
public class CardLastTxEvents {

    @Inject
    WebhookOutbox outbox;

    @Inject
    TxConfig tx;

    @Inject
    Clock clock;

    /**
     * The event of a card's transaction with its balance after (TX cannot tell it: the callers derive it from the
     * current balance, {@code domain.money.BalanceAfter}).
     */
    public WebhookEvent event(OwnedCard card, CoreTransaction t, BigDecimal balanceAfter) {
        var mapped = new TransactionMapper(tx.zone()).toCardTransaction(t, card.cardContractId(), balanceAfter);
        CardLastTx body = CardLastTx.of(CardRef.ofTxCard(card.cardId()).value(), Long.toString(card.accountId()),
                CardLastTx.Transaction.from(mapped));
        return WebhookEvent.cardLastTx(card.partnerId(), body, clock.instant());
    }

    /**
     * Enqueues with a balance the caller computed (the follower walks a page backwards from one balance); true when
     * the event is new.
     */
    public boolean enqueue(OwnedCard card, CoreTransaction t, BigDecimal balanceAfter) {
        return outbox.enqueue(event(card, t, balanceAfter));
    }
}
