package io.anygate.domain.iban;

import io.anygate.domain.money.TransferOutcome;
import io.anygate.domain.operation.MatchKey;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Money arriving from outside the core onto an account contract (port; the TX adapter sends a {@code tran/fi2account}).
 * Like {@link io.anygate.domain.money.CoreLedger#transfer}: retried inside only with the same key, a repeat of an
 * applied key answers the original outcome, an unknown outcome is Unknown (settle it with
 * {@link io.anygate.domain.money.CoreLedger#lookup}).
 */
public interface InboundPayments {

    /** Credits {@code amount} to the contract under {@code key}; {@code attributes} travel with it for TX's operators. */
    TransferOutcome credit(long toContractId, BigDecimal amount, String currency, MatchKey key,
            Map<String, String> attributes);
}
