package io.anygate.ops;

import io.anygate.domain.money.MoneyConfig;
import io.anygate.tx.TransferTiming;
import io.anygate.webhook.WebhookConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Refuses to start (every mode) when a lease or a stale delay would not outlast the work it covers:
 * <ul>
 * <li>{@code gateway.money.reconciler.stale-after} must exceed the longest transfer send with its retries (defaults:
 * 30 s against 22 s + 5 s). An override of the transfer's timeout or retry budget that breaks this would let the
 * reconciler send an operation its replica is still sending, and the FAILED verdict (re-drive window plus
 * stale-after) could be taken while the last send is still on its way;</li>
 * <li>{@code gateway.webhook.lease} must exceed one delivery's connect and read timeouts (defaults: 2 min against
 * 5 s + 10 s): a claim that ran out mid-delivery would let another replica send the same event at the same time.</li>
 * </ul>
 */
@ApplicationScoped
public class TimingGuard {

    private static final Logger LOG = Logger.getLogger(TimingGuard.class);

    @Inject
    MoneyConfig money;

    @Inject
    WebhookConfig webhook;

    void check(@Observes StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        Duration longestSend = TransferTiming.longestSend(key -> lookup(config, key));
        Optional<String> problem = problem(money.reconciler().staleAfter(), longestSend)
                .or(() -> deliveryProblem(webhook.lease(), webhook.http().connectTimeout(), webhook.http().readTimeout()));
        problem.ifPresent(message -> {
            LOG.error(message);
            throw new IllegalStateException(message);
        });
    }

    static Optional<String> problem(Duration staleAfter, Duration longestSend) {
        if (staleAfter.compareTo(longestSend) > 0) {
            return Optional.empty();
        }
        return Optional.of("Start refused: gateway.money.reconciler.stale-after (" + staleAfter.toMillis()
                + " ms) must exceed the longest transfer send with its retries (" + longestSend.toMillis()
                + " ms: the transfer's retry max-duration plus its timeout, docs/tx-contract.md). Raise stale-after"
                + " or lower the transfer's overrides: otherwise a load still being sent could be sent again or"
                + " declared failed.");
    }

    static Optional<String> deliveryProblem(Duration lease, Duration connect, Duration read) {
        if (lease.compareTo(connect.plus(read)) > 0) {
            return Optional.empty();
        }
        return Optional.of("Start refused: gateway.webhook.lease (" + lease.toMillis() + " ms) must exceed one"
                + " delivery's connect and read timeouts (" + connect.plus(read).toMillis() + " ms, plus a margin for"
                + " DNS): a claim that ran out mid-delivery would let another replica send the same event at once.");
    }

    private static Optional<String> lookup(Config config, String key) {
        try {
            return config.getOptionalValue(key, String.class);
        } catch (NoSuchElementException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
