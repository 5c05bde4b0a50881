package io.anygate.domain.transfer;

import io.anygate.domain.money.TransferOutcome;
import io.anygate.domain.operation.MatchKey;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Money leaving an account contract for outside the core (port; the TX adapter sends a {@code tran/account2fi}).
 * Like {@link io.anygate.domain.iban.InboundPayments}: retried inside only with the same key, a repeat of an
 * applied key answers the original outcome, an unknown outcome is Unknown (settle it with
 * {@link io.anygate.domain.money.CoreLedger#lookup}).
 */
public interface OutboundPayments {

    /** Debits {@code amount} from the contract under {@code key}; {@code attributes} travel with it. */
    TransferOutcome debit(long fromContractId, BigDecimal amount, String currency, MatchKey key,
            Map<String, String> attributes);
}
