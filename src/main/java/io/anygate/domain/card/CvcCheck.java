package io.anygate.domain.card;

import io.anygate.domain.card.CardRefused.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The CVC check of a card's PIN route, with its attempt limit: after {@code gateway.card-pin.max-wrong-cvcs} wrong
 * CVCs in a row the route is locked for that card for {@code gateway.card-pin.lock-for}, whatever the CVC (so a
 * partner cannot walk through the 1,000 CVCs). Locks are audited (logger category {@code io.anygate.audit}: partner,
 * card id, length; never the CVC).
 */
@ApplicationScoped
public class CvcCheck {

    private static final Logger AUDIT = Logger.getLogger("io.anygate.audit");

    @Inject
    CvcAttempts attempts;
    @Inject
    CardPinConfig config;

    /** Passes when {@code right} says the CVC is the card's and the card is not locked; else {@link CardRefused}. */
    public void check(String partnerId, long cardId, BooleanSupplier right) {
        CvcAttempts.Attempt attempt = attempts.begin(cardId, config.maxWrongCvcs(), config.lockFor());
        if (!attempt.allowed()) {
            AUDIT.warnf("cvc-locked-refused partner=%s card=%d", partnerId, cardId);
            throw new CardRefused(Reason.PIN_LOCKED, "too many wrong CVCs for this card: its PIN cannot be read"
                    + " for now");
        }
        if (right.getAsBoolean()) {
            attempts.succeeded(cardId);
            return;
        }
        if (attempt.lockedFor() != null) {
            AUDIT.warnf("cvc-lock partner=%s card=%d wrong-cvcs=%d duration=%s", partnerId, cardId,
                    config.maxWrongCvcs(), attempt.lockedFor());
        }
        throw new CardRefused(Reason.BAD_CVC, "The CVC is not the card's");
    }
}
