package io.anygate.domain.transfer;

import java.time.Instant;
import java.util.Optional;

/**
 * The payment rail that executes credit transfers once TX has debited the account (port). Production: a SEPA
 * adapter ({@link SepaAdapter}); sandbox: {@link SandboxPaymentRail}. Both calls are repeated for a transfer until
 * they answer (another pass, another replica), so they must be idempotent on the transfer's id.
 */
public interface PaymentRail {

    /** Hands the transfer to the rail: true when the rail took it (it becomes To execute), false to try later. */
    boolean submit(CreditTransfer transfer);

    /** What became of a transfer the rail took: empty while the rail has not decided. */
    Optional<Outcome> outcome(CreditTransfer transfer);

    /** The rail's decision. */
    sealed interface Outcome {
    }

    /** Executed: the rail's reference for it, and when. */
    record Executed(String reference, Instant at) implements Outcome {
    }

    /** Cancelled by the rail (rejected by the beneficiary's bank, ...): the money goes back to the account. */
    record Cancelled(String reason) implements Outcome {
    }
}
