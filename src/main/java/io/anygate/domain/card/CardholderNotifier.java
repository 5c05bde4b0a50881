package io.anygate.domain.card;

/**
 * Sends a message to a cardholder (port; the TX adapter sends it through TX's {@code subject/notification}). The
 * core's notification has no matchKey: a send is never repeated by the adapter, so a lost answer may or may not
 * have reached the cardholder.
 */
public interface CardholderNotifier {

    /**
     * Sends {@code message}.
     *
     * @throws CardCoreUnavailable when the core did not answer (the message may have gone out)
     * @throws CardDeliveryFailed  when the core answered that it did not send it
     */
    void send(CardholderMessage message);
}
