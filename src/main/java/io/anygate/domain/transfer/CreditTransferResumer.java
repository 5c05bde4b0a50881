package io.anygate.domain.transfer;

import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationResumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves a credit transfer debit or a cancelled transfer's refund whose outcome is unknown (a lost answer, a
 * replica that died between the journal and TX): TX's registration under the operation's matchKey is final; when TX
 * never registered it, the same key is sent again, so TX applies it exactly once.
 */
@ApplicationScoped
public class CreditTransferResumer implements OperationResumer {

    @Inject
    CreditTransfers transfers;

    @Inject
    CreditTransferExecution execution;

    @Override
    public boolean handles(OperationKind kind) {
        return kind == OperationKind.CREDIT_TRANSFER || kind == OperationKind.CREDIT_TRANSFER_REFUND;
    }

    @Override
    public void resume(Operation operation) {
        if (operation.kind() == OperationKind.CREDIT_TRANSFER) {
            transfers.resume(operation);
        } else {
            execution.resumeRefund(operation);
        }
    }
}
