package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.account.AccountOwnership;
import io.anygate.domain.account.OwnedAccount;
import io.anygate.domain.card.CardOwnership;
import io.anygate.domain.card.OwnedCard;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Ownership rows are cached once found (they never change): the cache must never hide a row registered after a
 * miss, nor show one partner's card or account to another. A card registered on a contract that already has one (a
 * renewal) flags the older cards as replaced: the transaction follower's pick reads its index without them (V68).
 */
@QuarkusTest
class OwnershipTest {

    @Inject
    CardOwnership cards;
    @Inject
    AccountOwnership accounts;
    @Inject
    Store store;

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

    @Test
    void aRenewalFlagsTheCardsItReplacesEvenWhenTheirRegistrationComesLater() throws SQLException {
        long accId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        accounts.register(new OwnedAccount(accId, "alpha", "business", "EUR", 7L, 8L), "op-a" + accId);
        long contract = accId + 1;
        long first = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        cards.register(new OwnedCard(first, "alpha", accId, contract, "EUR", true), "op-f" + first);
        assertFalse(replaced(first), "the only card of its contract");

        cards.register(new OwnedCard(first + 2, "alpha", accId, contract, "EUR", true), "op-r" + first);
        assertTrue(replaced(first), "renewed");
        assertFalse(replaced(first + 2), "the renewal is the card in use");

        // a registration retried late (after a crash), of a card TX issued before the renewal
        cards.register(new OwnedCard(first + 1, "alpha", accId, contract, "EUR", true), "op-l" + first);
        assertTrue(replaced(first + 1), "an older card of the contract, however late its registration");
        assertFalse(replaced(first + 2));
    }

    private boolean replaced(long cardId) throws SQLException {
        try (Connection c = store.connection();
                PreparedStatement ps = c.prepareStatement("SELECT replaced FROM card WHERE card_id = ?")) {
            ps.setLong(1, cardId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "card " + cardId + " registered");
                return rs.getBoolean(1);
            }
        }
    }
}
