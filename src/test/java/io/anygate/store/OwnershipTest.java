package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.account.AccountOwnership;
import io.anygate.domain.account.OwnedAccount;
import io.anygate.domain.card.CardOwnership;
import io.anygate.domain.card.OwnedCard;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Ownership rows are cached once found (they never change): the cache must never hide a row registered after a
 * miss, nor show one partner's card or account to another.
 */
@QuarkusTest
class OwnershipTest {

    @Inject
    CardOwnership cards;
    @Inject
    AccountOwnership accounts;

    @Test
    void aCardLookedUpBeforeItsRegistrationIsFoundOnceRegistered() {
        long accId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        accounts.register(new OwnedAccount(accId, "alpha", "business", "EUR", 7L, 8L), "op-a" + accId);
        long cardId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        assertTrue(cards.find("alpha", cardId).isEmpty(), "not registered yet");
        OwnedCard card = new OwnedCard(cardId, "alpha", accId, accId + 1, "EUR", true);
        cards.register(card, "op-" + cardId);
        assertEquals(Optional.of(card), cards.find("alpha", cardId), "a miss is not remembered");
        assertEquals(Optional.of(card), cards.find("alpha", cardId), "found again (cached)");
        assertTrue(cards.find("beta", cardId).isEmpty(), "another partner never sees it, cached or not");
    }

    @Test
    void anAccountLookedUpBeforeItsRegistrationIsFoundOnceRegistered() {
        long accId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        assertTrue(accounts.find("alpha", accId).isEmpty(), "not registered yet");
        OwnedAccount account = new OwnedAccount(accId, "alpha", "consumer", "EUR", 7L, null);
        accounts.register(account, "op-" + accId);
        assertEquals(Optional.of(account), accounts.find("alpha", accId));
        assertEquals(Optional.of(account), accounts.find("alpha", accId));
        assertTrue(accounts.find("beta", accId).isEmpty());
    }
}
