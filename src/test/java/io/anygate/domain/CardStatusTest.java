package io.anygate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardStatusChange.Refusal;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CardStatusTest {

    @ParameterizedTest
    @EnumSource(value = CardStatus.class, names = "EXP", mode = EnumSource.Mode.EXCLUDE)
    void everyStatusRoundTripsThroughTx(CardStatus s) {
        assertEquals(s, CardStatus.fromTx(s.txStatus()).orElseThrow());
        assertEquals(s, CardStatus.fromAnytime(s.name().toLowerCase()).orElseThrow());
        assertTrue(Set.of("LC_NEW", "LC_ACTIVE", "LC_BLOCKED", "LC_CLOSED").contains(s.txLifePhase()));
    }

    @Test
    void theTxTableIsTheContractOne() {
        assertEquals("Inactive", CardStatus.ORD.txStatus());
        assertEquals("Active", CardStatus.ACT.txStatus());
        assertEquals("Blocked", CardStatus.BLO.txStatus());
        assertEquals("Lost", CardStatus.LOS.txStatus());
        assertEquals("Stolen", CardStatus.STO.txStatus());
        assertEquals("Damaged", CardStatus.DAM.txStatus());
        assertEquals("Closed", CardStatus.CAN.txStatus());
        assertNull(CardStatus.EXP.txStatus());
        assertEquals("LC_BLOCKED", CardStatus.BLO.txLifePhase());
        assertTrue(CardStatus.fromTx("Frozen").isEmpty());
        assertTrue(CardStatus.fromAnytime("XYZ").isEmpty());
    }

    @Test
    void onlyTheDocumentedCodesAreRequestable() {
        for (CardStatus s : CardStatus.values()) {
            assertEquals(Set.of("STO", "LOS", "DAM", "CAN", "ACT", "BLO").contains(s.name()), s.isRequestable());
        }
    }

    @Test
    void anExpiredLiveCardReadsExp() {
        LocalDate today = LocalDate.of(2026, 5, 1);
        assertEquals(CardStatus.EXP, CardStatus.ACT.asOf(LocalDate.of(2026, 4, 30), today));
        assertEquals(CardStatus.ACT, CardStatus.ACT.asOf(LocalDate.of(2026, 5, 1), today));
        assertEquals(CardStatus.CAN, CardStatus.CAN.asOf(LocalDate.of(2020, 1, 1), today));
    }

    @Test
    void transitionsFollowTx() {
        for (CardStatus current : CardStatus.values()) {
            for (CardStatus target : CardStatus.values()) {
                CardStatusChange.Decision d = CardStatusChange.decide(current, target);
                Refusal expected;
                if (current.isTerminal()) {
                    expected = Refusal.CARD_FINAL;
                } else if (!target.isRequestable()) {
                    expected = Refusal.FORBIDDEN_TARGET;
                } else if (current == CardStatus.ORD && target == CardStatus.BLO) {
                    expected = Refusal.NOT_ACTIVATED;
                } else {
                    expected = null;
                }
                assertEquals(expected, d.refusal(), current + " -> " + target);
                assertEquals(expected == null && current == target, d.noChange());
            }
        }
        assertTrue(CardStatusChange.decide(CardStatus.ORD, CardStatus.ACT).allowed());
        assertTrue(CardStatusChange.decide(CardStatus.BLO, CardStatus.ACT).allowed());
        assertFalse(CardStatusChange.decide(CardStatus.LOS, CardStatus.ACT).allowed());
    }

    @Test
    void optionsNeedALiveCardAndRenewalAnActivatedOne() {
        assertEquals(Refusal.CARD_FINAL, CardStatusChange.checkOptions(CardStatus.STO, false));
        assertEquals(Refusal.NOT_ACTIVATED, CardStatusChange.checkOptions(CardStatus.ORD, true));
        assertNull(CardStatusChange.checkOptions(CardStatus.ORD, false));
        assertNull(CardStatusChange.checkOptions(CardStatus.BLO, true));
    }
}
