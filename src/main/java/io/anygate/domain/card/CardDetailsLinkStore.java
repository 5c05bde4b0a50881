package io.anygate.domain.card;

import java.time.Instant;
import java.util.Optional;

/**
 * The one-time links to a card's details page (port; the store keeps them so that any replica can open a link
 * another made). A link is known by the SHA-256 of its token only. Opening is two steps: {@link #find} names the
 * card while the link is open, {@link #consume} then takes the link, atomically, so that of two openings at once
 * only one is told it may show the details.
 */
public interface CardDetailsLinkStore {

    /** The card a link shows. */
    record Target(String partnerId, long cardId) {
    }

    /** Keeps a new link; {@code clientIp} is the canonical text of the only address that may open it. */
    void save(String tokenHash, String partnerId, long cardId, String clientIp, Instant createdAt, Instant expiresAt);

    /** The link's card when the link is unused, not expired at {@code now}, and bound to {@code clientIp}. */
    Optional<Target> find(String tokenHash, String clientIp, Instant now);

    /** Marks the link used if it still is open for {@code clientIp} at {@code now}; true for exactly one caller. */
    boolean consume(String tokenHash, String clientIp, Instant now);

    /** Forgets the links that expired before {@code before}; answers how many. */
    int purgeExpiredBefore(Instant before);
}
