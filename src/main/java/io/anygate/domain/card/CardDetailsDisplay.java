package io.anygate.domain.card;

import io.anygate.domain.CardStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The card-details page's links: a partner asks for a link to its card's details for one client address; the
 * final customer opens it once, from that address, before it expires, and sees PAN, expiry and CVV read from the
 * card core at that moment, if the card is still active then (a card blocked or closed after the link was made shows
 * nothing). A token is 256 random bits (base64url, 43 characters); the store keeps its SHA-256
 * only, and the card's secrets are never kept. Audited (category {@code io.anygate.audit}: partner and card id;
 * never a token nor a secret).
 */
@ApplicationScoped
public class CardDetailsDisplay {

    private static final Logger AUDIT = Logger.getLogger("io.anygate.audit");
    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    // Links stay in the store this long after they expire (an operator can still see one was made), then go.
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);
    // The statuses whose details a link may show: those a link is made for (an active card), checked again at opening.
    private static final Set<CardStatus> SHOWN = EnumSet.of(CardStatus.ACT);

    private final SecureRandom random = new SecureRandom();

    @Inject
    CardQueries queries;
    @Inject
    CardDetailsLinkStore links;
    @Inject
    CardDetailsConfig config;
    @Inject
    Clock clock;

    /** What the page shows: the card's secrets, read for the link's partner. */
    public sealed interface Opening {
    }

    /** The link was open: here are the details (the link is used up). */
    public record Shown(CardSecretValues details) implements Opening {
    }

    /** Used, expired, bound to another address, or never made: the page says so and shows nothing. */
    public record NotValid() implements Opening {
    }

    /** The card core did not answer: the link is left open, the customer may retry while it lasts. */
    public record Unavailable() implements Opening {
    }

    /**
     * A new link's token for the partner's card (ownership checked), to be opened from {@code client} only.
     * The caller builds the URL; the token is not kept anywhere but in it.
     */
    public String issue(String partnerId, long cardId, InetAddress client) {
        queries.owned(partnerId, cardId);
        byte[] raw = new byte[TOKEN_BYTES];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        links.purgeExpiredBefore(now.minus(KEPT_AFTER_EXPIRY));
        links.save(hash(token), partnerId, cardId, client.getHostAddress(), now, now.plus(config.linkLifetime()));
        AUDIT.infof("card-details-link issued partner=%s card=%d lifetime=%s", partnerId, cardId,
                config.linkLifetime());
        return token;
    }

    /**
     * Opens the link of {@code token} for a browser at {@code client}. The card is read before the link is taken, so
     * that a card core outage does not use the link up; of two openings at once only one shows the details.
     */
    public Opening open(String token, InetAddress client) {
        if (token == null || !TOKEN.matcher(token).matches() || client == null) {
            return new NotValid();
        }
        String hash = hash(token);
        String ip = client.getHostAddress();
        Optional<CardDetailsLinkStore.Target> target = links.find(hash, ip, clock.instant());
        if (target.isEmpty()) {
            AUDIT.info("card-details-link refused (used, expired, another address, or unknown)");
            return new NotValid();
        }
        CardDetailsLinkStore.Target t = target.get();
        CardSecretValues details;
        try {
            // The card's standing now, not when the link was made: a card blocked or closed since shows nothing.
            CardStatus status = queries.card(t.partnerId(), t.cardId()).status();
            if (!SHOWN.contains(status)) {
                AUDIT.infof("card-details-link refused partner=%s card=%d (card %s)", t.partnerId(), t.cardId(),
                        status);
                return new NotValid();
            }
            details = queries.secrets(t.partnerId(), t.cardId());
        } catch (CardCoreUnavailable e) {
            return new Unavailable();
        } catch (CardRefused e) {
            return new NotValid();
        }
        if (!links.consume(hash, ip, clock.instant())) {
            AUDIT.infof("card-details-link refused partner=%s card=%d (opened at the same time elsewhere)",
                    t.partnerId(), t.cardId());
            return new NotValid();
        }
        AUDIT.infof("card-details-link opened partner=%s card=%d", t.partnerId(), t.cardId());
        return new Shown(details);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
