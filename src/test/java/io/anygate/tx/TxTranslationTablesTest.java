package io.anygate.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardStatus;
import io.anygate.domain.Person;
import io.anygate.domain.UnknownCoreValue;
import io.anygate.domain.card.OwnedCard;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A TX value outside the gateway's translation tables (card status, restriction profile, transaction result) is
 * refused and reported, never read as another value.
 */
class TxTranslationTablesTest {

    private static final OwnedCard OWNED = new OwnedCard(1, "p1", 2, 3, "EUR", true);
    private static final Person HOLDER = new Person(null, "", "", null, "", "", "", null, null);

    private static TxCard card(String status, String profile) {
        return new TxCard(TxCardRef.ofId(1), null, null, null, null, null, CatalogueRef.ofRid("CP-VIRTUAL"), null, null,
                status, null, profile == null ? null : CatalogueRef.ofRid(profile), null, null, null, null);
    }

    private static Tran tran(String result) {
        return new Tran(7, LocalDateTime.of(2026, 11, 23, 12, 0), null, null, "Transfer", false, null, null, null,
                null, result);
    }

    @Test
    void aCardStatusOutsideTheTableIsRefusedNotReadAsAnother() {
        assertEquals(CardStatus.BLO, TxCardMapper.card(card("Blocked", null), OWNED, HOLDER).status());
        UnknownCoreValue e = assertThrows(UnknownCoreValue.class,
                () -> TxCardMapper.card(card("Frozen", null), OWNED, HOLDER));
        assertEquals("card status", e.field());
        assertEquals("Frozen", e.value());
        assertThrows(UnknownCoreValue.class, () -> TxCardMapper.card(card("Frozen", null), OWNED, HOLDER));
        assertThrows(UnknownCoreValue.class, () -> TxCardMapper.card(card(null, null), OWNED, HOLDER));
    }

    @Test
    void aRestrictionProfileOutsideTheTableIsRefusedNotReadAsNoRestriction() {
        assertTrue(TxCardMapper.card(card("Active", null), OWNED, HOLDER).restrictions().pos());
        UnknownCoreValue e = assertThrows(UnknownCoreValue.class,
                () -> TxCardMapper.card(card("Active", "RP-NIGHT-ONLY"), OWNED, HOLDER));
        assertEquals("RP-NIGHT-ONLY", e.value());
    }

    @Test
    void aTransactionResultOutsideTheTableIsRefusedNotReadAsDeclined() {
        assertEquals("Declined", TxTransactionHistory.toCore(tran("Declined")).result());
        assertThrows(UnknownCoreValue.class, () -> TxTransactionHistory.toCore(tran("Pending")));
        assertThrows(UnknownCoreValue.class, () -> TxAccountTrans.toCore(tran("Pending")));
        assertThrows(UnknownCoreValue.class, () -> TxCardMapper.transaction(tran("Reversed")));
    }

    @Test
    void eachUnknownValueIsLoggedOnceAtWarnWithTheValue() {
        List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLoggerName().equals(UnknownCoreValue.class.getName())) {
                    records.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
        try {
            String value = "Status-" + System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertThrows(UnknownCoreValue.class, () -> TxCardMapper.card(card(value, null), OWNED, HOLDER));
            }
            List<LogRecord> mine = records.stream().filter(r -> String.valueOf(render(r)).contains(value)).toList();
            assertEquals(1, mine.size(), "logged once");
            assertEquals(Level.WARNING, mine.get(0).getLevel());
        } finally {
            Logger.getLogger("").removeHandler(handler);
        }
    }

    private static String render(LogRecord r) {
        if (r instanceof org.jboss.logmanager.ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return r.getParameters() == null ? r.getMessage()
                : java.text.MessageFormat.format(r.getMessage(), r.getParameters());
    }
}
