package io.anygate.domain.account;

import io.anygate.GatewayConfig;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationResumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Resolves an account opening left unfinished (answer lost, replica crashed mid-saga). Policy: an opening with an
 * Idempotency-Key younger than {@code gateway.mapping.saga-resume-window} is resumed forward (the partner can
 * still retry with that key and get the account); any other is compensated, since its partner cannot find the
 * account again: the contract is closed and the operation FAILED, so nothing is ever half-visible.
 */
@ApplicationScoped
public class AccountOpeningResumer implements OperationResumer {

    private static final Logger LOG = Logger.getLogger(AccountOpeningResumer.class);

    @Inject
    AccountOpening opening;

    @Inject
    GatewayConfig gateway;

    @Inject
    Clock clock;

    @Override
    public boolean handles(OperationKind kind) {
        return kind == OperationKind.ACCOUNT_OPEN;
    }

    @Override
    public void resume(Operation op) {
        if (resumable(op)) {
            try {
                opening.drive(op);
            } catch (AccountRefused refused) {
                LOG.debugf("account opening %s: %s", op.id(), refused.reason());
            }
            return;
        }
        opening.compensate(op);
    }

    /** True when the policy resumes this operation forward rather than compensating it. */
    public boolean resumable(Operation op) {
        return op.idempotencyKey() != null
                && Duration.between(op.createdAt(), clock.instant()).compareTo(gateway.sagaResumeWindow()) < 0;
    }
}
