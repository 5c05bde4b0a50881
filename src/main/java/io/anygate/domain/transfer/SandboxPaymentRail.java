package io.anygate.domain.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The sandbox's simulated rail: it takes every transfer, executes it {@code gateway.credit-transfers.sandbox-delay}
 * after it took it, and cancels instead a transfer to {@code gateway.credit-transfers.sandbox-cancel-iban}, so that
 * both outcomes can be tried. Stateless (it reads the transfer's submission time), so any replica answers alike.
 */
public class SandboxPaymentRail implements PaymentRail {

    private final CreditTransferConfig config;
    private final Clock clock;

    public SandboxPaymentRail(CreditTransferConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public boolean submit(CreditTransfer transfer) {
        return true;
    }

    @Override
    public Optional<Outcome> outcome(CreditTransfer transfer) {
        Instant now = clock.instant();
        if (transfer.submittedAt() == null || now.isBefore(transfer.submittedAt().plus(config.sandboxDelay()))) {
            return Optional.empty();
        }
        if (config.sandboxCancelIban().equals(transfer.beneficiaryIban())) {
            return Optional.of(new Cancelled("sandbox: transfers to the test IBAN are cancelled"));
        }
        return Optional.of(new Executed(reference(transfer.id()), now));
    }

    /** Twelve digits, as the Anytime example: 9 then the zero-padded transfer id. */
    static String reference(long id) {
        return "9" + String.format("%011d", id % 100_000_000_000L);
    }
}
