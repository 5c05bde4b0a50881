package io.anygate.anytime.accounts;

import io.anygate.anytime.forms.FormReader;
import io.anygate.domain.Address;
import io.anygate.domain.Country;
import io.anygate.domain.Gender;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** The validation of each {@code user_*}/{@code corp_*} parameter, shared by account creation and update. */
final class HolderFields {

    static final int NAME_MAX = 64;
    static final int LINE_MAX = 100;
    static final int ZIP_MAX = 16;
    static final int CITY_MAX = 64;
    static final int EMAIL_MAX = 254;
    static final LocalDate OLDEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern MOBILE = Pattern.compile("\\+?\\d{6,15}");

    private HolderFields() {
    }

    static Optional<Gender> gender(FormReader f, String name) {
        return f.optional(name).map(v -> Gender.fromAnytime(v).orElseThrow(() -> f.invalid(name, "must be M or F")));
    }

    static Optional<LocalDate> birthDate(FormReader f, String name, LocalDate today) {
        return f.optionalDate(name).map(d -> {
            if (d.isAfter(today) || d.isBefore(OLDEST_BIRTH)) {
                throw f.invalid(name, "must be a past date after 1900-01-01");
            }
            return d;
        });
    }

    static Optional<String> email(FormReader f, String name) {
        return f.optionalText(name, EMAIL_MAX).map(v -> {
            if (!EMAIL.matcher(v).matches()) {
                throw f.invalid(name, "must be an email address");
            }
            return v;
        });
    }

    /** International format, digits only; a leading {@code +} is tolerated and dropped. */
    static Optional<String> mobile(FormReader f, String name) {
        return f.optional(name).map(v -> {
            String compact = v.replace(" ", "");
            if (!MOBILE.matcher(compact).matches()) {
                throw f.invalid(name, "must be an international phone number, digits only (33600000000)");
            }
            return compact.startsWith("+") ? compact.substring(1) : compact;
        });
    }

    static Optional<String> name(FormReader f, String name) {
        return f.optionalText(name, NAME_MAX);
    }

    static Optional<String> line(FormReader f, String name) {
        return f.optionalText(name, LINE_MAX);
    }

    static Optional<String> zip(FormReader f, String name) {
        return f.optionalText(name, ZIP_MAX);
    }

    static Optional<String> city(FormReader f, String name) {
        return f.optionalText(name, CITY_MAX);
    }

    static Optional<Country> country(FormReader f, String name) {
        return f.optionalCountry(name);
    }

    static <T> T require(FormReader f, String name, Optional<T> value) {
        return value.orElseThrow(() -> f.invalid(name, "is required"));
    }

    /** A full address from {@code <prefix>line_1}, {@code line_2} (optional), {@code zip}, {@code city}, {@code cc}. */
    static Address requiredAddress(FormReader f, String prefix) {
        return new Address(
                require(f, prefix + "line_1", line(f, prefix + "line_1")),
                line(f, prefix + "line_2").orElse(""),
                require(f, prefix + "zip", zip(f, prefix + "zip")),
                require(f, prefix + "city", city(f, prefix + "city")),
                require(f, prefix + "cc", country(f, prefix + "cc")));
    }

    /** The address with whichever of its parameters were sent replaced. */
    static Address patchAddress(FormReader f, String prefix, Address current) {
        Address base = current != null ? current : new Address("", "", "", "", null);
        return new Address(
                line(f, prefix + "line_1").orElse(base.line1()),
                line(f, prefix + "line_2").orElse(base.line2()),
                zip(f, prefix + "zip").orElse(base.zip()),
                city(f, prefix + "city").orElse(base.city()),
                country(f, prefix + "cc").orElse(base.country()));
    }

    static boolean anyAddress(FormReader f, String prefix) {
        return f.has(prefix + "line_1") || f.has(prefix + "line_2") || f.has(prefix + "zip")
                || f.has(prefix + "city") || f.has(prefix + "cc");
    }
}
