package io.anygate.domain.iban;

import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationResumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves an inbound credit whose outcome is unknown: TX's registration under its matchKey is final; when TX never
 * registered it, the same key is sent again (money that arrived on an IBAN is always owed to the account, so there
 * is no window after which it is given up).
 */
@ApplicationScoped
public class IncomingCreditResumer implements OperationResumer {

    @Inject
    IncomingCredits credits;

    @Override
    public boolean handles(OperationKind kind) {
        return kind == OperationKind.IBAN_CREDIT;
    }

    @Override
    public void resume(Operation operation) {
        credits.resume(operation);
    }
}
