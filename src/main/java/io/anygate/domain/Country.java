package io.anygate.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ISO 3166-1 country. Anytime speaks alpha-2 codes ({@code user_addr_cc}, {@code user_nationality}, the SDK sends
 * them lower case), TX addresses and citizenships take the numeric code. The full table is the resource
 * {@code domain/iso3166-1.csv}, loaded once.
 */
public record Country(String alpha2, String alpha3, int numeric, String name) {

    private static final String RESOURCE = "/domain/iso3166-1.csv";
    private static final Table TABLE = Table.load();

    /** The country of an alpha-2 code, case-insensitive (the SDK sends {@code fr}); empty for anything else. */
    public static Optional<Country> fromAlpha2(String code) {
        if (code == null || code.length() != 2) {
            return Optional.empty();
        }
        return Optional.ofNullable(TABLE.byAlpha2.get(code.toUpperCase(Locale.ROOT)));
    }

    /** The country of an ISO numeric code (TX {@code country}, {@code countryCode}); empty if unassigned. */
    public static Optional<Country> fromNumeric(int numeric) {
        return Optional.ofNullable(TABLE.byNumeric.get(numeric));
    }

    /** Every country of the table, ordered by alpha-2 code. */
    public static List<Country> all() {
        return TABLE.all;
    }

    private record Table(List<Country> all, Map<String, Country> byAlpha2, Map<Integer, Country> byNumeric) {

        static Table load() {
            List<Country> all = new ArrayList<>();
            Map<String, Country> byAlpha2 = new HashMap<>();
            Map<Integer, Country> byNumeric = new HashMap<>();
            try (InputStream in = Country.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cols = line.split(",", 4);
                    Country c = new Country(cols[0], cols[1], Integer.parseInt(cols[2]), cols[3]);
                    all.add(c);
                    byAlpha2.put(c.alpha2(), c);
                    byNumeric.put(c.numeric(), c);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Table(Collections.unmodifiableList(all), Map.copyOf(byAlpha2), Map.copyOf(byNumeric));
        }
    }
}
