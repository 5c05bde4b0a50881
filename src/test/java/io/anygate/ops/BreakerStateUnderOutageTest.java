package io.anygate.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.anygate.tx.TxCardRef;
import io.anygate.tx.InjectTxStub;
import io.anygate.tx.TxCardCalls;
import io.anygate.tx.TxStubProfile;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The breaker metric tells the breaker's real state through repeated TX outages and recoveries, with card reads
 * and readiness probes running all along: once TX answers again, {@code ft_circuitbreaker_state_current} says
 * closed, as the breaker is, and never stays "open" (which would page for nothing).
 */
@QuarkusTest
@TestProfile(BreakerStateUnderOutageTest.LongBreakerDelay.class)
class BreakerStateUnderOutageTest {

    /**
     * TX stubbed; card reads' breaker stays open 8 s before it half-opens, longer than the readiness probe ever
     * waited before it reset a breaker itself (5 s): the probe then had the time to do it while calls were live.
     */
    public static class LongBreakerDelay extends TxStubProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            java.util.Map<String, String> overrides = new java.util.HashMap<>(super.getConfigOverrides());
            overrides.put("quarkus.fault-tolerance.\"io.anygate.tx.TxCardCalls/cardAsync\".circuit-breaker.delay", "8000");
            return overrides;
        }
    }

    private static final String BREAKER = "tx-card-get";
    private static final String METHOD = "io.anygate.tx.TxCardCalls.cardAsync";
    private static final int CYCLES = 3;

    @InjectTxStub
    WireMockServer tx;
    @Inject
    TxCardCalls cards;
    @Inject
    @Readiness
    TxReadiness readiness;
    @Inject
    CircuitBreakerMaintenance breakers;
    @Inject
    MeterRegistry registry;

    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Set: TX recovers the moment the breaker next opens (the hardest moment: it then has nothing to fail on). */
    private final AtomicBoolean recoverAtNextOpening = new AtomicBoolean();
    private ExecutorService load;

    @AfterEach
    void stop() throws InterruptedException {
        running.set(false);
        if (load != null) {
            load.shutdown();
            load.awaitTermination(30, TimeUnit.SECONDS);
        }
        tx.resetAll();
        breakers.resetAll();
    }

    @Test
    void theReportedStateIsTheRealStateAfterEveryRecovery() throws Exception {
        tx.resetAll();
        tx.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(200)));
        up();
        breakers.onStateChange(BREAKER, state -> {
            if (state == CircuitBreakerState.OPEN) {
                if (recoverAtNextOpening.compareAndSet(true, false)) {
                    up();
                }
            }
        });
        load = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(load.submit(() -> {
                while (running.get()) {
                    try {
                        cards.card(TxCardRef.ofId(1));
                    } catch (RuntimeException e) {
                        // TX down or the breaker open: the load goes on
                    }
                }
            }));
        }
        // The readiness probe, as often as a busy orchestrator would call it and more.
        workers.add(load.submit(() -> {
            while (running.get()) {
                readiness.call();
            }
        }));

        for (int cycle = 0; cycle < CYCLES; cycle++) {
            recoverAtNextOpening.set(true);
            down();
            await("TX recovered at an opening " + cycle).atMost(Duration.ofSeconds(60))
                    .until(() -> !recoverAtNextOpening.get());
            await("breaker closed and reported closed after recovery " + cycle).atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> breakers.currentState(BREAKER) == CircuitBreakerState.CLOSED
                            && reported("closed") == 1.0 && reported("open") == 0.0 && reported("halfOpen") == 0.0);
        }
        running.set(false);
        for (Future<?> w : workers) {
            w.get(30, TimeUnit.SECONDS);
        }
    }

    private void down() {
        tx.stubFor(get(urlPathEqualTo("/tx/v1/card")).willReturn(aResponse().withStatus(500)));
    }

    private void up() {
        tx.stubFor(get(urlPathEqualTo("/tx/v1/card")).willReturn(okJson("{\"ref\":{\"id\":1},\"status\":\"Active\"}")));
    }

    private double reported(String state) {
        Gauge gauge = registry.find("ft.circuitbreaker.state.current").tag("method", METHOD).tag("state", state)
                .gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }
}
