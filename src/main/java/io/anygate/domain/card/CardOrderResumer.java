package io.anygate.domain.card;

import io.anygate.GatewayConfig;
import io.anygate.domain.money.LoadRefused;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationResumer;
import io.anygate.domain.operation.OperationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Finishes interrupted card orders and card updates for the reconciler.
 * <ul>
 * <li>An order whose card is registered (visible to the partner) is always completed forward (the load).</li>
 * <li>An order with an Idempotency-Key, within {@code gateway.mapping.saga-resume-window}, is resumed forward: the
 * partner may retry it and get the same card.</li>
 * <li>Any other order is compensated: its card deleted, its card contract closed (each found by the rid the
 * gateway assigned when no step journaled its id), then FAILED.</li>
 * <li>An update is re-driven under its matchKeys (each write is idempotent).</li>
 * </ul>
 */
@ApplicationScoped
public class CardOrderResumer implements OperationResumer {

    private static final Logger LOG = Logger.getLogger(CardOrderResumer.class);

    @Inject
    CardOrders orders;
    @Inject
    CardUpdates updates;
    @Inject
    CardCore core;
    @Inject
    OperationJournal journal;
    @Inject
    GatewayConfig gateway;
    @Inject
    Clock clock;

    @Override
    public boolean handles(OperationKind kind) {
        return kind == OperationKind.CARD_ORDER || kind == OperationKind.CARD_UPDATE;
    }

    @Override
    public void resume(Operation op) {
        if (op.kind() == OperationKind.CARD_UPDATE) {
            updates.run(op);
            return;
        }
        boolean registered = op.data().containsKey("done." + CardOrders.REGISTER);
        boolean inWindow = op.idempotencyKey() != null
                && Duration.between(op.createdAt(), clock.instant()).compareTo(gateway.sagaResumeWindow()) < 0;
        if (registered || inWindow) {
            try {
                orders.run(op);
            } catch (LoadRefused refused) {
                LOG.debugf("card order %s resumed; its load: %s", op.id(), refused.reason());
            } catch (CardRefused refused) {
                LOG.debugf("card order %s resumed and refused: %s", op.id(), refused.reason());
            }
            return;
        }
        compensate(op);
    }

    /** Undoes what an abandoned order made in TX; each undo has its own matchKey, so it is safe to repeat. */
    void compensate(Operation op) {
        Optional<Long> cardId = Optional.ofNullable(op.get("cardId")).map(Long::valueOf)
                .or(() -> core.cardByRid("AGW-C-" + op.id()));
        cardId.ifPresent(id -> core.deleteCard(id, op.matchKey("undo-card")));
        Optional<Long> contractId = Optional.ofNullable(op.get("cardContractId")).map(Long::valueOf)
                .or(() -> core.contractByRid("AGW-CC-" + op.id()));
        contractId.ifPresent(id -> core.closeContract(id, op.matchKey("undo-finish"), op.matchKey("undo-contract")));
        if (journal.finish(op.id(), OperationState.FAILED, null, "COMPENSATED", clock.instant())) {
            LOG.infof("card order %s abandoned and compensated (card %s, contract %s)", op.id(),
                    cardId.orElse(null), contractId.orElse(null));
        }
    }
}
