package io.anygate.tx;

import io.anygate.domain.card.CardCoreUnavailable;
import io.anygate.domain.card.CardDeliveryConfig;
import io.anygate.domain.card.CardDeliveryFailed;
import io.anygate.domain.card.CardholderMessage;
import io.anygate.domain.card.CardholderNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The cardholder's messages through TX's {@code subject/notification}, on the channel kind configured for SMS or
 * email. TX did not answer: {@link CardCoreUnavailable} (the message may have gone out; never re-sent); TX answered
 * an error: {@link CardDeliveryFailed} (nothing sent).
 */
@ApplicationScoped
public class TxCardholderNotifier implements CardholderNotifier {

    @Inject
    TxSubjects subjects;
    @Inject
    CardDeliveryConfig config;

    @Override
    public void send(CardholderMessage message) {
        String kind = message.channel() == CardholderMessage.Channel.SMS ? config.smsChannelKind()
                : config.emailChannelKind();
        try {
            subjects.notify(new SubjectNotification(kind, message.address(), message.subject(), message.body()));
        } catch (TxUnavailableException | TxTimeoutException | TxUnauthorizedException e) {
            throw new CardCoreUnavailable("the card processor did not answer the notification", e);
        } catch (TxException e) {
            // TX's error names a field or a status, never the message body
            throw new CardDeliveryFailed("the card processor refused the notification: " + e.getClass().getSimpleName());
        }
    }
}
