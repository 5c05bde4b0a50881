package io.anygate.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Dates between the two worlds. Anytime writes dates {@code 2016-01-01} and date-times {@code 2017-02-02 14:14:48}
 * in Paris time (the official SDK reads every date it receives as {@code Europe/Paris}); TX writes ISO
 * {@code 2020-10-21T14:15:00} (local time of the TX server, a configured zone: UTC in the simulator) and dates
 * {@code 2019-08-24}.
 */
public final class AnytimeDates {

    /** The zone Anytime dates are written in (the SDK's TimezoneNormalizer forces it). */
    public static final ZoneId ANYTIME_ZONE = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private AnytimeDates() {
    }

    /** A strict Anytime date ({@code user_dob}, {@code expiry_date}): exactly {@code YYYY-MM-DD}, a real day. */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim(), DATE));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A list filter date ({@code date_start}, {@code date_end}): {@code YYYY-MM-DD} as documented and sent by the
     * SDK; a full {@code YYYY-MM-DD HH:MM:SS} is tolerated and its day is taken.
     */
    public static Optional<LocalDate> parseFilterDate(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.length() == 19) {
            try {
                return Optional.of(LocalDateTime.parse(t, DATE_TIME).toLocalDate());
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return parseDate(t);
    }

    /** An Anytime date: {@code YYYY-MM-DD}. */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** An Anytime date-time in Paris time, from a TX local date-time in the TX zone. */
    public static String dateTime(LocalDateTime txTime, ZoneId txZone) {
        return DATE_TIME.format(txTime.atZone(txZone).withZoneSameInstant(ANYTIME_ZONE));
    }

    /** The TX local date-time at which an Anytime (Paris) day starts: the inclusive {@code filter[begTime]}. */
    public static LocalDateTime txBeginOfDay(LocalDate anytimeDay, ZoneId txZone) {
        return anytimeDay.atStartOfDay(ANYTIME_ZONE).withZoneSameInstant(txZone).toLocalDateTime();
    }

    /** The TX local date-time of the last second of an Anytime (Paris) day: the inclusive {@code filter[endTime]}. */
    public static LocalDateTime txEndOfDay(LocalDate anytimeDay, ZoneId txZone) {
        return anytimeDay.atTime(LocalTime.of(23, 59, 59)).atZone(ANYTIME_ZONE)
                .withZoneSameInstant(txZone).toLocalDateTime();
    }

    /**
     * A TX date-time ({@code regTime}): ISO local date-time, fractions allowed; an offset or {@code Z}, if TX adds
     * one, is honoured and converted into the TX zone.
     */
    public static LocalDateTime parseTxDateTime(String text, ZoneId txZone) {
        try {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeException e) {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .atZoneSameInstant(txZone).toLocalDateTime();
        }
    }

    /** A TX date ({@code dates.expiration}, {@code birthDate}): ISO {@code YYYY-MM-DD}. */
    public static LocalDate parseTxDate(String text) {
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    }
}
