/**
 * Webhook outbox and dispatcher: card_last_tx events to partners, at least once, signed.
 */
package io.anygate.webhook;
