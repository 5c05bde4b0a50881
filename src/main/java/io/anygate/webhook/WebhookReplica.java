package io.anygate.webhook;

import io.anygate.GatewayConfig;
import io.anygate.InstanceId;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * This replica's webhook delivery, made once by CDI from the configuration ({@code gateway.webhook.*}): its owner id
 * in the outbox's claims, the HTTP transport, the endpoints' circuit and the dispatcher, closed at shutdown.
 */
@ApplicationScoped
public class WebhookReplica {

    /** This replica in the outbox's claims (dispatch and build alike): the replica's one instance id. */
    @jakarta.inject.Inject
    InstanceId instance;

    String owner() {
        return instance.value();
    }

    @Produces
    @Singleton
    HttpTransport http(Vertx vertx, GatewayConfig gateway, WebhookConfig config) {
        return new HttpTransport(vertx, new TargetPolicy(HostResolver.SYSTEM, !gateway.sandbox()),
                config.http().connectTimeout(), config.http().readTimeout());
    }

    void close(@Disposes HttpTransport http) {
        http.close();
    }

    @Produces
    @Singleton
    EndpointCircuit circuit(EndpointRepository endpoints, WebhookConfig config) {
        return new EndpointCircuit(endpoints, config.circuit().failureThreshold(), config.circuit().pause());
    }

    /** In sandbox mode, partners without a webhook URL get theirs in the sandbox inbox. */
    @Produces
    @Singleton
    WebhookDispatcher dispatcher(OutboxRepository outbox, WebhookTargets targets, DeliverySigner signer,
            HttpTransport http, SandboxInbox inbox, EndpointCircuit circuit, GatewayConfig gateway,
            WebhookConfig config, DeliveryMetrics metrics, Clock clock) {
        return new WebhookDispatcher(outbox, targets, signer, http, gateway.sandbox() ? inbox : null,
                RetryPolicy.of(config.retry()), circuit, clock, owner(), config.batchSize(), config.lease(),
                config.passBudget(), config.parallelism(), metrics);
    }

    void close(@Disposes WebhookDispatcher dispatcher) {
        dispatcher.close();
    }
}
