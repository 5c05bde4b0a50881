package io.anygate.tx;

import io.anygate.domain.operation.MatchKey;
import io.anygate.domain.money.TransferOutcome;
import io.anygate.domain.transfer.OutboundPayments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Outbound payments on TX: a {@code tran/account2fi} from the account contract, with the IBANs, the beneficiary and
 * the remittance text as user attributes of the transaction. TX's answers and errors become the domain's outcomes as
 * in {@link TxInboundPayments}: anything that leaves the outcome open is Unknown.
 */
@ApplicationScoped
public class TxOutboundPayments implements OutboundPayments {

    @Inject
    TxTransfers transfers;

    @Override
    public TransferOutcome debit(long fromContractId, BigDecimal amount, String currency,
            MatchKey key, Map<String, String> attributes) {
        List<UserAttr> attrs = attributes.entrySet().stream().map(e -> new UserAttr(e.getKey(), e.getValue())).toList();
        try {
            TranApproveRs rs = transfers.account2fi(ContractRef.ofId(fromContractId),
                    new MonetaryValue(amount, currency), TxMatchKey.of(key.value()), attrs);
            if (rs == null || rs.tranId() == null) {
                return new TransferOutcome.Unknown("approval without tranId");
            }
            return new TransferOutcome.Approved(rs.tranId());
        } catch (TxDeclinedException e) {
            return new TransferOutcome.Declined(e.tranId(), e.code(), e.description());
        } catch (TxUnavailableException e) {
            boolean neverSent = e.getCause() instanceof CircuitBreakerOpenException
                    || e.getCause() instanceof BulkheadException;
            return neverSent ? new TransferOutcome.NotSent(e.getMessage()) : new TransferOutcome.Unknown(e.getMessage());
        } catch (TxInvalidRequestException e) {
            // Refused as malformed on every attempt: nothing was applied.
            return new TransferOutcome.Declined(null, "REJECTED", e.getMessage());
        } catch (TxException e) {
            // Timeout, 404 after a lost answer, anything else: only the matchKey can tell.
            return new TransferOutcome.Unknown(e.getMessage());
        }
    }
}
