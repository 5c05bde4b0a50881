package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.money.BalanceAnchors;
import io.anygate.domain.money.BalanceAnchors.Anchor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A contract's balance anchor (V44): kept per contract, exact to the cent, and never moved back. */
@QuarkusTest
class BalanceAnchorsTest {

    @Inject
    BalanceAnchors anchors;

    private final long contract = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);

    @Test
    void anAnchorOnlyMovesForward() {
        assertTrue(anchors.find(contract).isEmpty());
        anchors.save(contract, new Anchor(10, new BigDecimal("25.50")));
        assertEquals(Optional.of(new Anchor(10, new BigDecimal("25.5000"))), anchors.find(contract));

        anchors.save(contract, new Anchor(12, new BigDecimal("7.25")));
        assertEquals(new BigDecimal("7.2500"), anchors.find(contract).orElseThrow().balance());

        // A replica finishing an older read later must not move it back.
        anchors.save(contract, new Anchor(11, new BigDecimal("99.00")));
        assertEquals(new Anchor(12, new BigDecimal("7.2500")), anchors.find(contract).orElseThrow());
        anchors.save(contract, new Anchor(12, new BigDecimal("99.00")));
        assertEquals(new BigDecimal("7.2500"), anchors.find(contract).orElseThrow().balance());

        assertTrue(anchors.find(contract + 1).isEmpty(), "one per contract");
    }
}
