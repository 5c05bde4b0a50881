package io.anygate.domain.transfer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Credit transfer settings ({@code gateway.credit-transfers.*}); docs/operations.md lists them. */
@ConfigMapping(prefix = "gateway.credit-transfers")
public interface CreditTransferConfig {

    /** How often a replica moves transfers along (rail submission, outcomes, refunds, webhooks). */
    @WithDefault("2s")
    Duration interval();

    /** How many transfers one pass takes per step. */
    @WithDefault("100")
    int batch();

    /** Sandbox rail: how long after it took a transfer it executes (or cancels) it. */
    @WithDefault("5s")
    Duration sandboxDelay();

    /** Sandbox rail: transfers to this IBAN are cancelled (and their money given back) instead of executed. */
    @WithDefault("DE89370400440532013000")
    String sandboxCancelIban();
}
