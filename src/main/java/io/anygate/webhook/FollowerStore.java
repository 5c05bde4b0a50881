package io.anygate.webhook;

import io.anygate.domain.card.OwnedCard;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the TX transaction follower keeps (port, the store implements it): its single-replica lease, the cards to
 * poll and their cursors. */
public interface FollowerStore {

    /** A card to follow, where the follower stands on it. */
    record Followed(OwnedCard card, long lastTranId, long seen) {
    }

    /** Takes or renews the job's lease until {@code now + lease}; false while another replica holds it. */
    boolean claim(String job, String owner, Duration lease, Instant now);

    /** Releases the lease if this owner holds it (shutdown, tests). */
    void release(String job, String owner);

    /**
     * Up to {@code limit} cards, the least recently polled first (never polled before anything else); of the cards
     * that share one card contract (a renewed card keeps the contract of the card it replaces) only the newest, so
     * that the contract's transactions are followed once and reported under the card in use, never under the
     * replaced one. A renewed card starts from the cursor of the card it replaces (TX ids grow: the newest card has
     * the highest id).
     */
    List<Followed> due(int limit);

    /** Moves a card's cursor (or only notes the poll when nothing was new). */
    void advance(long cardId, long lastTranId, long seen, Instant now);
}
