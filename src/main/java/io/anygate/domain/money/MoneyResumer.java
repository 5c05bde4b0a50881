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
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Resolves a load or unload whose outcome is unknown by asking TX what it registered under the operation's
 * matchKey within TX's matching window after its journaled send time: approved or declined there is final here.
 * Nothing is ever sent again. If TX registered nothing, the operation waits until that window has passed (a send
 * in flight may still land) and is then FAILED: nothing moved. An operation sent more than once (under the
 * gateway's earlier re-drive rule) cannot be asked for every window: it is left to an operator
 * ({@link CardMoney#notRegisteredIsFinal}).
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
        if (money.notRegisteredIsFinal(op, now)) {
            if (card.isPresent()) {
                try {
                    money.failNotRegistered(op, card.get());
                } catch (LoadRefused refused) {
                    LOG.debugf("operation %s resolved as %s", op.id(), refused.reason());
                }
            } else {
                journal.finish(op.id(), OperationState.FAILED, null, "NOT_APPLIED", now);
            }
        } else if (op.attempts() > 1 && !now.isBefore(ledger.registeredBy(op.createdAt()))) {
            LOG.warnf("operation %s was sent %d times and TX shows none of them under its matchKey in its first"
                    + " window; the later windows cannot be asked: an operator must settle it from TX's statement",
                    op.id(), op.attempts());
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
