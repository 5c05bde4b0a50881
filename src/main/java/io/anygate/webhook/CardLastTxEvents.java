package io.anygate.webhook;

import io.anygate.anytime.transactions.TransactionMapper;
import io.anygate.domain.CardRef;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.BalanceAfter;
import io.anygate.tx.TxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;

/**
 * The one way a {@code card_last_tx} event is made, whoever notices the transaction (the approval of a load or
 * unload, or the TX transaction follower): TX transaction → {@link CoreTransaction} → the Anytime card
 * transaction of {@link TransactionMapper} → the webhook body. Same transaction, same JSON, same event id
 * ({@code card_last_tx:{txid}}), so the outbox keeps one.
 */
@ApplicationScoped
public class CardLastTxEvents {

    @Inject
    WebhookOutbox outbox;

    @Inject
    BalanceAfter balances;

    @Inject
    TxConfig tx;

    @Inject
    Clock clock;

    /** The event of a card's transaction with its balance after (TX cannot tell it: the current balance is used). */
    public WebhookEvent event(OwnedCard card, CoreTransaction t, BigDecimal balanceAfter) {
        var mapped = new TransactionMapper(tx.zone()).toCardTransaction(t, card.cardContractId(), balanceAfter);
        CardLastTx body = CardLastTx.of(CardRef.ofTxCard(card.cardId()).value(), Long.toString(card.accountId()),
                CardLastTx.Transaction.from(mapped));
        return WebhookEvent.cardLastTx(card.partnerId(), body, clock.instant());
    }

    /** Computes the balance after the transaction and enqueues; true when the event is new. */
    public boolean enqueue(OwnedCard card, CoreTransaction t) {
        BigDecimal balance = balances.of(card.cardContractId(), t.id())
                .orElseThrow(() -> new IllegalStateException("card balance unavailable now"));
        return outbox.enqueue(event(card, t, balance));
    }

    /** Enqueues with a balance the caller computed (the follower walks a page backwards from one balance). */
    public boolean enqueue(OwnedCard card, CoreTransaction t, BigDecimal balanceAfter) {
        return outbox.enqueue(event(card, t, balanceAfter));
    }
}
