package io.anygate.domain.account;

import io.anygate.domain.AccountType;
import io.anygate.domain.Address;
import io.anygate.domain.Corporation;
import io.anygate.domain.Country;
import io.anygate.domain.Gender;
import io.anygate.domain.Person;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * What an account opening needs to be resumed by another replica or the reconciler, written into the journaled
 * operation's data before the first TX write, and read back. Keys are short: the journal keeps at most 4000
 * characters per operation (the longest form fits in about half of it).
 */
final class AccountOpeningData {

    static final String TYPE = "type";
    static final String CURRENCY = "ccy";

    private AccountOpeningData() {
    }

    static Map<String, String> write(AccountOpeningRequest rq) {
        Map<String, String> d = new HashMap<>();
        d.put(TYPE, rq.type().anytimeCode());
        d.put(CURRENCY, rq.currency().getCurrencyCode());
        Person p = rq.holder();
        put(d, "p.g", p.gender() == null ? null : p.gender().anytimeCode());
        put(d, "p.fn", p.firstName());
        put(d, "p.ln", p.lastName());
        put(d, "p.dob", p.birthDate() == null ? null : p.birthDate().toString());
        put(d, "p.pob", p.birthPlace());
        put(d, "p.em", p.email());
        put(d, "p.mob", p.mobile());
        put(d, "p.nat", p.nationality() == null ? null : p.nationality().alpha2());
        address(d, "p.a.", p.address());
        Corporation c = rq.corporation();
        if (c != null) {
            put(d, "c.n", c.name());
            put(d, "c.reg", c.registrationNumber());
            put(d, "c.t", c.legalType());
            put(d, "c.act", c.activity());
            put(d, "c.tva", c.vatNumber());
            address(d, "c.a.", c.address());
        }
        return d;
    }

    static AccountType type(Map<String, String> d) {
        return AccountType.fromAnytime(d.get(TYPE)).orElseThrow();
    }

    static Currency currency(Map<String, String> d) {
        return Currency.getInstance(d.get(CURRENCY));
    }

    static Person person(Map<String, String> d) {
        return new Person(Gender.fromAnytime(d.get("p.g")).orElse(null), d.get("p.fn"), d.get("p.ln"),
                d.get("p.dob") == null ? null : LocalDate.parse(d.get("p.dob")), d.get("p.pob"), d.get("p.em"),
                d.get("p.mob"), readAddress(d, "p.a."), country(d.get("p.nat")));
    }

    /** Null when the operation is a consumer opening. */
    static Corporation corporation(Map<String, String> d) {
        if (!d.containsKey("c.n")) {
            return null;
        }
        return new Corporation(d.get("c.n"), d.getOrDefault("c.reg", ""), d.getOrDefault("c.t", ""),
                d.getOrDefault("c.act", ""), d.getOrDefault("c.tva", ""), readAddress(d, "c.a."));
    }

    private static void address(Map<String, String> d, String prefix, Address a) {
        if (a == null) {
            return;
        }
        d.put(prefix + "set", "1");
        put(d, prefix + "l1", a.line1());
        put(d, prefix + "l2", a.line2());
        put(d, prefix + "zip", a.zip());
        put(d, prefix + "city", a.city());
        put(d, prefix + "cc", a.country() == null ? null : a.country().alpha2());
    }

    private static Address readAddress(Map<String, String> d, String prefix) {
        if (!d.containsKey(prefix + "set")) {
            return null;
        }
        return new Address(d.getOrDefault(prefix + "l1", ""), d.getOrDefault(prefix + "l2", ""),
                d.getOrDefault(prefix + "zip", ""), d.getOrDefault(prefix + "city", ""),
                country(d.get(prefix + "cc")));
    }

    private static Country country(String alpha2) {
        return alpha2 == null ? null : Country.fromAlpha2(alpha2).orElse(null);
    }

    private static void put(Map<String, String> d, String key, String value) {
        if (value != null) {
            d.put(key, value);
        }
    }
}
