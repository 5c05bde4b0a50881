package io.anygate.webhook;

/** Sends one delivery: over HTTP to the partner, or into the sandbox inbox. Never throws for a failed delivery. */
public interface WebhookTransport {

    DeliveryResult send(Delivery delivery);
}
