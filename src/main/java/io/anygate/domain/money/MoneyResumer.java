package io.anygate.domain.money;

import io.anygate.domain.card.CardOwnership;
import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationResumer;
import io.anygate.domain.operation.OperationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Resolves a load or unload whose outcome is unknown by asking TX what it registered under the operation's
 * matchKey: approved or declined there is final here. If TX never registered the key, nothing was applied:
 * within the re-drive window the transfer is sent again under the same key (the partner was told the outcome
 * would follow by webhook). Nobody sends after the window ({@link CardMoney#mayStillSend}); once the window
 * plus the stale delay (longer than a send with all its retries) has passed, "not registered" is final and the
 * operation is FAILED. In between, it waits: a send started just before the window closed may still land.
 */
@ApplicationScoped
public class MoneyResumer implements OperationResumer {

    private static final Logger LOG = Logger.getLogger(MoneyResumer.class);

    @Inject
    OperationJournal journal;

    @Inject
    CoreLedger ledger;

    @Inject
    CardOwnership cards;

    @Inject
    CardMoney money;

    @Inject
    Clock clock;

    @Inject
    MoneyConfig config;

    @Override
    public boolean handles(OperationKind kind) {
        return kind.movesMoney();
    }

    @Override
    public void resume(Operation op) {
        Optional<OwnedCard> card = cards.find(op.partnerId(), op.cardId());
        Optional<TransferOutcome> registered = ledger.lookup(op.matchKey(CardMoney.TRANSFER_STEP), op.createdAt());
        if (registered.isPresent() && registered.get() instanceof TransferOutcome.Unknown) {
            return; // TX cannot be asked now: try again next pass.
        }
        if (registered.isPresent()) {
            settle(op, card, registered.get());
            return;
        }
        Instant now = clock.instant();
        if (money.mayStillSend(op, now)) {
            if (card.isPresent()) {
                try {
                    money.sendAgain(op, card.get());
                } catch (LoadRefused refused) {
                    LOG.debugf("re-driven operation %s: %s", op.id(), refused.reason());
                }
            }
            return;
        }
        Duration settled = config.redriveWindow().plus(config.reconciler().staleAfter());
        if (Duration.between(op.createdAt(), now).compareTo(settled) < 0) {
            return;
        }
        if (journal.finish(op.id(), OperationState.FAILED, null, "NOT_APPLIED", now)) {
            LOG.infof("operation %s abandoned: TX never registered it", op.id());
        }
    }

    private void settle(Operation op, Optional<OwnedCard> card, TransferOutcome outcome) {
        if (card.isEmpty()) {
            // The card left the registry; still record what TX says.
            if (outcome instanceof TransferOutcome.Approved a) {
                journal.finish(op.id(), OperationState.APPROVED, a.tranId(), null, clock.instant());
            } else if (outcome instanceof TransferOutcome.Declined d) {
                journal.finish(op.id(), OperationState.DECLINED, d.tranId(), d.code(), clock.instant());
            }
            return;
        }
        try {
            money.settle(op, card.get(), outcome);
        } catch (LoadRefused refused) {
            LOG.debugf("operation %s resolved as %s", op.id(), refused.reason());
        }
    }
}
