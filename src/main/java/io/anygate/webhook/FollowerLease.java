package io.anygate.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The follower's {@code job_lease} row as one pass holds it: taken at the start, renewed as the pass goes once half
 * of it has gone ({@link FollowerStore#claim}, the same conditional UPDATE). A pass may outlast its lease (many
 * cards, a slow TX); without the renewal another replica would start following the same cards meanwhile.
 */
final class FollowerLease {

    private final FollowerStore db;
    private final String owner;
    private final Duration lease;
    private final Clock clock;
    private Instant renewFrom;

    FollowerLease(FollowerStore db, String owner, Duration lease, Clock clock) {
        this.db = db;
        this.owner = owner;
        this.lease = lease;
        this.clock = clock;
    }

    /** Takes the job for a pass; false while another replica holds it. */
    boolean take() {
        return claim(clock.instant());
    }

    /**
     * Whether this replica may go on with the next card: renews the lease once half of it has gone. False when the
     * renewal was refused: another replica holds the job now.
     */
    boolean keep() {
        Instant now = clock.instant();
        return now.isBefore(renewFrom) || claim(now);
    }

    private boolean claim(Instant now) {
        if (!db.claim(TransactionFollower.JOB, owner, lease, now)) {
            return false;
        }
        renewFrom = now.plus(lease.dividedBy(2));
        return true;
    }
}
