package io.anygate.webhook;

import io.anygate.domain.card.CardOwnership;
import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.BalanceAfter;
import io.anygate.domain.operation.MoneyComments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Builds the {@code card_last_tx} events that approvals recorded without a payload (outbox status BUILD), off the
 * partner's request path. Per card: claim its due builds (a lease, as the dispatcher's, so replicas never build the
 * same row at once), read the balance and the newest transactions ONCE ({@link BalanceAfter#of(long,
 * java.util.Collection)}) and the partner's comments on them ONCE (one journal read), and make every event exactly as
 * the follower does ({@link CardLastTxEvents#event}); the row becomes PENDING for the dispatcher. When TX cannot tell
 * now, the build is retried later with a growing delay ({@code gateway.webhook.build.*}); it is never dropped.
 */
@ApplicationScoped
public class CardLastTxBuilder {

    private static final Logger LOG = Logger.getLogger(CardLastTxBuilder.class);
    /** A build still failing after this many attempts is worth an operator's look (it keeps being retried). */
    private static final int WARN_AFTER_ATTEMPTS = 10;
    /**
     * Builds put off while the load's approval is not in the journal (its comments are not known yet); after that,
     * the event is built without them (an approval whose journal write was lost waits for the reconciler).
     */
    static final int JOURNAL_WAIT_ATTEMPTS = 2;

    @Inject
    OutboxRepository outbox;

    @Inject
    CardOwnership cards;

    @Inject
    BalanceAfter balances;

    @Inject
    CardLastTxEvents events;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    /** What one pass did: cards looked at, events built, builds put off until later. */
    public record Pass(int cards, int built, int deferred) {
    }

    /** One pass over up to {@code gateway.webhook.build.cards-per-pass} cards with builds due now. */
    public Pass buildDue(String owner) {
        Instant now = clock.instant();
        int cardCount = 0;
        int built = 0;
        int deferred = 0;
        for (long cardId : outbox.cardsToBuild(now, config.build().cardsPerPass())) {
            // The lease starts when the card is claimed: a pass slowed down by TX must not hand out leases that
            // have already run out.
            Instant at = clock.instant();
            List<OutboxRepository.PendingBuild> claimed = outbox.claimBuilds(cardId, owner, at,
                    at.plus(config.lease()), config.build().eventsPerCard());
            if (claimed.isEmpty()) {
                continue; // another replica took them
            }
            cardCount++;
            int made = buildCard(owner, cardId, claimed);
            built += made;
            deferred += claimed.size() - made;
        }
        return new Pass(cardCount, built, deferred);
    }

    private int buildCard(String owner, long cardId, List<OutboxRepository.PendingBuild> claimed) {
        List<OutboxRepository.Deferred> deferred = new ArrayList<>();
        List<OutboxRepository.Built> made = new ArrayList<>(claimed.size());
        Optional<OwnedCard> card = cards.find(claimed.get(0).partnerId(), cardId);
        if (card.isEmpty()) {
            deferAll(deferred, claimed, "card " + cardId + " not in the card registry");
            return outbox.finishBuilds(owner, made, deferred, clock.instant());
        }
        List<Long> tranIds = claimed.stream().map(OutboxRepository.PendingBuild::tranId).toList();
        Map<Long, BalanceAfter.After> after;
        try {
            after = balances.of(card.get().cardContractId(), tranIds).orElse(null);
        } catch (RuntimeException e) {
            deferAll(deferred, claimed, "TX unavailable: " + e);
            return outbox.finishBuilds(owner, made, deferred, clock.instant());
        }
        if (after == null) {
            deferAll(deferred, claimed, "card balance unavailable now (TX busy or unreadable)");
            return outbox.finishBuilds(owner, made, deferred, clock.instant());
        }
        // The store is the outbox's: when it cannot answer, neither can the rest of the pass.
        Map<Long, MoneyComments> journaled = events.journaled(card.get(), tranIds);
        for (OutboxRepository.PendingBuild b : claimed) {
            BalanceAfter.After a = after.get(b.tranId());
            if (a == null) {
                defer(deferred, b, "TX does not list transaction " + b.tranId() + " on the card contract yet");
                continue;
            }
            MoneyComments comments = journaled.get(b.tranId());
            if (comments == null && b.attempts() < JOURNAL_WAIT_ATTEMPTS) {
                // Every BUILD row is an approval, recorded just before the journal's APPROVED: built in between, the
                // event would lack the partner's comment. Wait a little for the journal (JOURNAL_WAIT_ATTEMPTS
                // deferrals).
                defer(deferred, b, "approval of transaction " + b.tranId() + " not journaled yet");
                continue;
            }
            WebhookEvent event = events.event(card.get(), a.transaction(), a.balance(),
                    comments == null ? MoneyComments.NONE : comments);
            if (!event.eventId().equals(b.eventId())) {
                // Cannot happen (both derive from the TX id); never store one transaction's body under another id.
                defer(deferred, b, "built event id " + event.eventId() + " does not match");
                continue;
            }
            made.add(new OutboxRepository.Built(b.id(), event.payload()));
        }
        // One commit for the card's whole batch, built and deferred alike.
        return outbox.finishBuilds(owner, made, deferred, clock.instant());
    }

    private void deferAll(List<OutboxRepository.Deferred> deferred, List<OutboxRepository.PendingBuild> builds,
            String why) {
        for (OutboxRepository.PendingBuild b : builds) {
            defer(deferred, b, why);
        }
    }

    private void defer(List<OutboxRepository.Deferred> deferred, OutboxRepository.PendingBuild b, String why) {
        Instant now = clock.instant();
        int attempt = b.attempts() + 1;
        deferred.add(new OutboxRepository.Deferred(b.id(), now.plus(delayAfter(attempt, config.build().retryInitial(),
                config.build().retryMax())), why));
        if (attempt == WARN_AFTER_ATTEMPTS) {
            LOG.warnf("webhook %s for partner %s still not built after %d attempts (retrying): %s", b.eventId(),
                    b.partnerId(), attempt, why);
        } else {
            LOG.debugf("webhook %s not built now (attempt %d): %s", b.eventId(), attempt, why);
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based): {@code initial}, doubled each time, at most {@code max}. */
    static Duration delayAfter(int attempt, Duration initial, Duration max) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
