package io.anygate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnytimeDatesTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void datesRoundTrip() {
        LocalDate d = LocalDate.of(2016, 1, 1);
        assertEquals("2016-01-01", AnytimeDates.date(d));
        assertEquals(d, AnytimeDates.parseDate("2016-01-01").orElseThrow());
        assertEquals(LocalDate.of(2024, 2, 29), AnytimeDates.parseDate("2024-02-29").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2016-1-1", "01/01/2016", "2016-02-30", "2023-02-29", "2016-13-01", "20160101",
            "2016-01-01 10:00:00", "2016-01-01T00:00"})
    void badDatesAreRejected(String text) {
        assertTrue(AnytimeDates.parseDate(text).isEmpty());
    }

    @Test
    void filterDatesTolerateADateTime() {
        assertEquals(LocalDate.of(2016, 1, 1), AnytimeDates.parseFilterDate("2016-01-01 23:10:00").orElseThrow());
        assertTrue(AnytimeDates.parseFilterDate("2016-01-01 25:10:00").isEmpty());
    }

    @Test
    void txTimesAreShownInParisTime() {
        assertEquals("2026-01-15 13:00:00", AnytimeDates.dateTime(LocalDateTime.of(2026, 1, 15, 12, 0), UTC));
        assertEquals("2026-07-15 14:00:00", AnytimeDates.dateTime(LocalDateTime.of(2026, 7, 15, 12, 0), UTC));
    }

    @Test
    void parisDaysBecomeTxBounds() {
        LocalDate day = LocalDate.of(2026, 7, 15);
        assertEquals(LocalDateTime.of(2026, 7, 14, 22, 0), AnytimeDates.txBeginOfDay(day, UTC));
        assertEquals(LocalDateTime.of(2026, 7, 15, 21, 59, 59), AnytimeDates.txEndOfDay(day, UTC));
    }

    @Test
    void txDateTimesParseWithOrWithoutOffset() {
        assertEquals(LocalDateTime.of(2020, 10, 21, 14, 15), AnytimeDates.parseTxDateTime("2020-10-21T14:15:00", UTC));
        assertEquals(LocalDateTime.of(2020, 10, 21, 14, 15, 0, 500_000_000),
                AnytimeDates.parseTxDateTime("2020-10-21T14:15:00.5", UTC));
        assertEquals(LocalDateTime.of(2020, 10, 21, 12, 15),
                AnytimeDates.parseTxDateTime("2020-10-21T14:15:00+02:00", UTC));
        assertEquals(LocalDate.of(2019, 8, 24), AnytimeDates.parseTxDate("2019-08-24"));
    }
}
