package io.anygate.domain.card;

import io.anygate.GatewayConfig;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.Card;
import io.anygate.domain.card.CardRefused.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jboss.logging.Logger;

/**
 * Delivery of a card's secrets to its holder: the PIN by text message to the holder's mobile, a virtual card's
 * details (PAN, expiry, CVV) by email or text to an address the partner gives. The caller has checked that the card
 * is the partner's and usable. Each send takes one of the card's daily sends first ({@link DeliveryQuota}, the
 * store counts them for every replica), then reads the secret from the core and sends it through the core
 * ({@link CardholderNotifier}); the gateway keeps nothing of it, but in sandbox mode the {@link SandboxOutbox}.
 * Every send is audited (logger {@code io.anygate.audit}: partner, card, service, channel, masked address,
 * outcome; never the secret).
 */
@ApplicationScoped
public class CardDelivery {

    static final String PIN = "pin";
    static final String PAN = "pan";
    private static final Logger AUDIT = Logger.getLogger("io.anygate.audit");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MM/yy");

    @Inject
    CardCore core;
    @Inject
    CardholderNotifier notifier;
    @Inject
    DeliveryQuota quota;
    @Inject
    SandboxOutbox outbox;
    @Inject
    CardDeliveryConfig config;
    @Inject
    GatewayConfig gateway;
    @Inject
    Clock clock;

    /** Texts the card's PIN to its holder's mobile (the mobile TX has for the holder). */
    public void sendPin(String partnerId, Card card) {
        String mobile = card.holder() == null ? null : card.holder().mobile();
        if (mobile == null || mobile.isBlank()) {
            throw new CardRefused(Reason.HOLDER_WITHOUT_MOBILE, "the cardholder has no mobile number to text");
        }
        take(partnerId, card, PIN, config.pinPerDay());
        CardSecretValues s = core.secrets(card.ref().txCardId());
        String pin = core.pin(card.ref().txCardId(), s.pan());
        String body = "Your card ending " + last4(s.pan()) + " has PIN " + pin + ". Never share it.";
        send(partnerId, card, PIN, new CardholderMessage(CardholderMessage.Channel.SMS, mobile, config.pinSubject(),
                body));
    }

    /** Sends a virtual card's details (PAN, expiry, CVV) to {@code address} by {@code channel}. */
    public void sendDetails(String partnerId, Card card, CardholderMessage.Channel channel, String address) {
        take(partnerId, card, PAN, config.panPerDay());
        CardSecretValues s = core.secrets(card.ref().txCardId());
        LocalDate expiry = s.expiry() != null ? s.expiry() : card.expiry();
        String body = "Your virtual card: number " + grouped(s.pan()) + ", expiry "
                + (expiry == null ? "-" : EXPIRY.format(expiry)) + ", CVV " + s.cvv2() + ". Never share them.";
        send(partnerId, card, PAN, new CardholderMessage(channel, address, config.panSubject(), body));
    }

    private void take(String partnerId, Card card, String service, int max) {
        LocalDate today = LocalDate.now(clock.withZone(AnytimeDates.ANYTIME_ZONE));
        if (!quota.take(card.ref().txCardId(), service, today, max)) {
            AUDIT.warnf("card-delivery-refused partner=%s card=%s service=%s reason=daily-limit max=%d", partnerId,
                    card.ref().value(), service, max);
            throw new CardRefused(Reason.DELIVERY_LIMIT, "this card has had its " + max + " " + service
                    + " sends for today");
        }
    }

    private void send(String partnerId, Card card, String service, CardholderMessage message) {
        String channel = message.channel().anytimeName();
        String to = CardholderMessage.masked(message.address());
        try {
            notifier.send(message);
        } catch (CardCoreUnavailable e) {
            AUDIT.warnf("card-delivery partner=%s card=%s service=%s channel=%s to=%s outcome=unknown", partnerId,
                    card.ref().value(), service, channel, to);
            throw e;
        } catch (CardDeliveryFailed e) {
            AUDIT.warnf("card-delivery partner=%s card=%s service=%s channel=%s to=%s outcome=refused", partnerId,
                    card.ref().value(), service, channel, to);
            throw e;
        }
        AUDIT.infof("card-delivery partner=%s card=%s service=%s channel=%s to=%s outcome=sent", partnerId,
                card.ref().value(), service, channel, to);
        if (gateway.sandbox()) {
            outbox.add(new SandboxOutbox.Sent(0, partnerId, card.ref().value(), service, channel, message.address(),
                    message.subject(), message.body(), clock.instant()));
        }
    }

    private static String last4(String pan) {
        return pan == null || pan.length() < 4 ? "" : pan.substring(pan.length() - 4);
    }

    private static String grouped(String pan) {
        return pan == null ? "" : pan.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }
}
