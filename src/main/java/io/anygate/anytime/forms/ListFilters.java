package io.anygate.anytime.forms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.domain.AnytimeDates;
import java.time.LocalDate;

/**
 * The list parameters of Anytime: {@code limit_start} (default 0) and {@code limit_number} (default 50, at most
 * {@value #MAX_LIMIT_NUMBER}), and on dated lists {@code date_start}/{@code date_end} (inclusive days, Paris time).
 * Serialized as the answer's {@code filters} object; absent dates are left out because the SDK turns every
 * {@code date_*} it finds into a DateTime and fails on null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListFilters(
        @JsonProperty("date_start") String dateStart,
        @JsonProperty("date_end") String dateEnd,
        @JsonProperty("limit_start") long limitStart,
        @JsonProperty("limit_number") int limitNumber) {

    public static final int DEFAULT_LIMIT_NUMBER = 50;
    public static final int MAX_LIMIT_NUMBER = 1000;

    /** Paging only ({@code GET /v1.0/accounts}, {@code /accounts/{id}/cards}, {@code /cards/unlinked}). */
    public static ListFilters parseLimits(FormReader form) {
        long start = form.optionalInteger("limit_start", 0, Integer.MAX_VALUE).orElse(0L);
        int number = form.optionalInteger("limit_number", 1, MAX_LIMIT_NUMBER).orElse((long) DEFAULT_LIMIT_NUMBER)
                .intValue();
        return new ListFilters(null, null, start, number);
    }

    /**
     * Paging and dates (statements, card transactions). {@code date_start} after {@code date_end} is
     * {@code DateStartGreaterThanDateEndFilterException} (4000050).
     */
    public static ListFilters parseDated(FormReader form) {
        ListFilters limits = parseLimits(form);
        LocalDate start = filterDate(form, "date_start");
        LocalDate end = filterDate(form, "date_end");
        if (start != null && end != null && start.isAfter(end)) {
            throw new AnytimeException(AnytimeError.DATE_START_GREATER_THAN_DATE_END,
                    "date_start: must not be after date_end");
        }
        return new ListFilters(start == null ? null : AnytimeDates.date(start),
                end == null ? null : AnytimeDates.date(end), limits.limitStart(), limits.limitNumber());
    }

    private static LocalDate filterDate(FormReader form, String name) {
        return form.optional(name).map(v -> AnytimeDates.parseFilterDate(v)
                .orElseThrow(() -> form.invalid(name, "must be a date YYYY-MM-DD"))).orElse(null);
    }

    /** The first day, or null. */
    public LocalDate startDay() {
        return dateStart == null ? null : LocalDate.parse(dateStart);
    }

    /** The last day, or null. */
    public LocalDate endDay() {
        return dateEnd == null ? null : LocalDate.parse(dateEnd);
    }

    /** The TX {@code page[offset]}. */
    public long txOffset() {
        return limitStart;
    }

    /** The TX {@code page[limit]}. */
    public int txLimit() {
        return limitNumber;
    }
}
