package io.anygate.webhook;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.CoreLedger;
import io.anygate.domain.money.MoneyEvents;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Enqueues the partner's {@code card_last_tx} webhook when a load or unload is approved. The event id is derived
 * from the TX transaction ({@code card_last_tx:{txid}}), so a second producer of the same transaction's event
 * (a retry, the TX transaction follower) adds nothing.
 */
@ApplicationScoped
public class MoneyWebhooks implements MoneyEvents {

    private static final Logger LOG = Logger.getLogger(MoneyWebhooks.class);

    @Inject
    WebhookOutbox outbox;

    @Inject
    CoreLedger ledger;

    @Inject
    Clock clock;

    @Override
    public void approved(Operation op, OwnedCard card, long tranId) {
        try {
            BigDecimal balance = ledger.balance(card.cardContractId()).orElse(BigDecimal.ZERO);
            boolean credit = op.kind() == OperationKind.CARD_CREDIT;
            CardLastTx.Transaction tx = CardLastTx.Transaction.of(String.valueOf(tranId), "0", op.amount(),
                    op.amount(), op.currency(), BigDecimal.ONE, BigDecimal.ZERO, "S", credit ? "C" : "D", balance,
                    LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                    credit ? "Card load" : "Card unload");
            CardLastTx body = CardLastTx.of(CardRef.ofTxCard(card.cardId()).value(),
                    String.valueOf(card.accountId()), tx);
            outbox.enqueue(WebhookEvent.cardLastTx(op.partnerId(), body, clock.instant()));
        } catch (RuntimeException e) {
            // The money moved; the webhook must still go out: the TX transaction follower enqueues the same event
            // id from TX's own record. Losing this enqueue loses no money.
            LOG.warnf("card_last_tx for operation %s not enqueued now: %s", op.id(), e.toString());
        }
    }
}
