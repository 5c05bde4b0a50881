package io.anygate.anytime.forms;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.Country;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Anytime form (or query) parameters and rejects a bad one with the endpoint's invalid-parameter error
 * ({@code AccountInvalidParameterException} 4000210 or {@code CardInvalidParameterException} 4000310) and the message
 * {@code "<parameter>: <what is wrong>"}. A parameter sent empty counts as absent: the SDK drops nulls, PHP
 * integrators often send {@code ""} for "not set".
 */
public final class FormReader {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,15})?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private final Map<String, String> params;
    private final AnytimeError error;

    private FormReader(Map<String, String> params, AnytimeError error) {
        this.params = params;
        this.error = error;
    }

    /** From single-valued parameters. */
    public static FormReader of(Map<String, String> params, AnytimeError error) {
        return new FormReader(params == null ? Map.of() : params, error);
    }

    /** From multi-valued parameters (JAX-RS {@code MultivaluedMap}); the first value of each name counts. */
    public static FormReader ofMulti(Map<String, List<String>> params, AnytimeError error) {
        return new FormReader(firstValues(params), error);
    }

    /** The first value of each name of multi-valued parameters (null: none). */
    public static Map<String, String> firstValues(Map<String, List<String>> params) {
        Map<String, String> single = new HashMap<>();
        if (params != null) {
            params.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    single.put(k, v.get(0));
                }
            });
        }
        return single;
    }

    /** The error this reader raises. */
    public AnytimeError error() {
        return error;
    }

    /** The exception for a bad parameter: {@code "<name>: <what>"}. */
    public AnytimeException invalid(String name, String what) {
        return new AnytimeException(error, name + ": " + what);
    }

    /** The trimmed value, empty when absent or blank. */
    public Optional<String> optional(String name) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.trim());
    }

    /** True when the parameter was sent with a non-blank value. */
    public boolean has(String name) {
        return optional(name).isPresent();
    }

    /** The trimmed value; missing or blank is an error. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> invalid(name, "is required"));
    }

    /** Free text of at most {@code maxLength} characters, required. */
    public String requiredText(String name, int maxLength) {
        return checkLength(name, required(name), maxLength);
    }

    /** Free text of at most {@code maxLength} characters, optional. */
    public Optional<String> optionalText(String name, int maxLength) {
        return optional(name).map(v -> checkLength(name, v, maxLength));
    }

    private String checkLength(String name, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw invalid(name, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw invalid(name, "must not contain control characters");
        }
        return value;
    }

    /** An integer within [min, max], optional. */
    public Optional<Long> optionalInteger(String name, long min, long max) {
        return optional(name).map(v -> {
            if (!INTEGER.matcher(v).matches()) {
                throw invalid(name, "must be an integer");
            }
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw invalid(name, "must be between " + min + " and " + max);
            }
            return n;
        });
    }

    /** A 0/1 flag ({@code card_pos}, {@code card_atm}, {@code card_renew}), optional. */
    public Optional<Boolean> optionalFlag(String name) {
        return optional(name).map(v -> switch (v) {
            case "1" -> Boolean.TRUE;
            case "0" -> Boolean.FALSE;
            default -> throw invalid(name, "must be 0 or 1");
        });
    }

    /** A strictly positive amount written as a plain decimal ({@code 10}, {@code 10.5}); required. */
    public BigDecimal requiredAmount(String name) {
        String v = required(name);
        if (!PLAIN_DECIMAL.matcher(v).matches()) {
            throw invalid(name, "must be a decimal number such as 10.50");
        }
        BigDecimal amount = new BigDecimal(v);
        if (amount.signum() <= 0) {
            throw invalid(name, "must be > 0");
        }
        return amount;
    }

    /** A date {@code YYYY-MM-DD}, required. */
    public LocalDate requiredDate(String name) {
        return optionalDate(name).orElseThrow(() -> invalid(name, "is required"));
    }

    /** A date {@code YYYY-MM-DD}, optional. */
    public Optional<LocalDate> optionalDate(String name) {
        return optional(name).map(v -> AnytimeDates.parseDate(v)
                .orElseThrow(() -> invalid(name, "must be a date YYYY-MM-DD")));
    }

    /** An ISO 3166-1 alpha-2 country code (case-insensitive), required. */
    public Country requiredCountry(String name) {
        return optionalCountry(name).orElseThrow(() -> invalid(name, "is required"));
    }

    /** An ISO 3166-1 alpha-2 country code (case-insensitive), optional. */
    public Optional<Country> optionalCountry(String name) {
        return optional(name).map(v -> Country.fromAlpha2(v)
                .orElseThrow(() -> invalid(name, "must be an ISO 3166-1 alpha-2 country code")));
    }
}
