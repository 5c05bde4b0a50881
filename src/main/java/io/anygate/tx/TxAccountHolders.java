package io.anygate.tx;

import io.anygate.domain.Address;
import io.anygate.domain.Corporation;
import io.anygate.domain.Country;
import io.anygate.domain.Gender;
import io.anygate.domain.Person;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates account holders between the domain and TX subjects. A person: names, {@code birthDate},
 * {@code gender} {@code Male}/{@code Female}, {@code citizenshipCountry} (ISO numeric), {@code regAddress}
 * (street = line 1, addressInCity = line 2, zip, city, numeric country, mobile, email), {@code emails},
 * {@code phones}, place of birth as user attribute {@value #POB}. A company: {@code name} = {@code legalName},
 * {@code legalAddress}, and the fields TX has no place for as user attributes {@code AGW-CORP-*}.
 */
public final class TxAccountHolders {

    static final String POB = "AGW-POB";
    static final String REGNUM = "AGW-CORP-REGNUM";
    static final String LEGAL_TYPE = "AGW-CORP-TYPE";
    static final String ACTIVITY = "AGW-CORP-ACTIVITY";
    static final String VAT = "AGW-CORP-TVA";

    private TxAccountHolders() {
    }

    public static Subject toSubject(SubjectRef ref, Person p) {
        Address a = p.address();
        TxAddress reg = new TxAddress(a == null ? null : a.zip(), a == null ? null : numeric(a.country()), null,
                null, a == null ? null : a.city(), a == null ? null : a.line1(), null, null, null,
                a == null ? null : a.line2(), null, null, null, p.mobile(), p.email());
        List<UserAttr> attrs = new ArrayList<>();
        attr(attrs, POB, p.birthPlace());
        SubjectDetails d = new SubjectDetails(null, null, null, null, attrs, null, null, null, null, null, null, null,
                p.lastName(), p.firstName(), null, p.birthDate(), p.gender() == null ? null : p.gender().txValue(),
                null, numeric(p.nationality()), reg, null, list(p.email()), list(p.mobile()), null, null);
        return new Subject(ref, null, Subject.PERSON, d);
    }

    public static Person toPerson(Subject s) {
        SubjectDetails d = s.details();
        if (d == null) {
            return new Person(null, "", "", null, "", "", "", null, null);
        }
        TxAddress r = d.regAddress() != null ? d.regAddress() : d.homeAddress();
        String email = r != null && r.email() != null ? r.email() : first(d.emails());
        String mobile = mobile(d);
        Address address = r == null ? null : new Address(text(r.street()), text(r.addressInCity()), text(r.zip()),
                text(r.city()), country(r.country()));
        return new Person(Gender.fromTx(d.gender()).orElse(null), text(d.firstName()), text(d.lastName()),
                d.birthDate(), attr(d.userAttrs(), POB), text(email), text(mobile), address,
                country(d.citizenshipCountry()));
    }

    /** A person's mobile: the registration (else home) address's, else the first of {@code phones}; null if none. */
    static String mobile(SubjectDetails d) {
        TxAddress r = d.regAddress() != null ? d.regAddress() : d.homeAddress();
        return r != null && r.mobile() != null ? r.mobile() : first(d.phones());
    }

    public static Subject toSubject(SubjectRef ref, Corporation c) {
        Address a = c.address();
        TxAddress legal = a == null ? null : new TxAddress(a.zip(), numeric(a.country()), null, null, a.city(),
                a.line1(), null, null, null, a.line2(), null, null, null, null, null);
        List<UserAttr> attrs = new ArrayList<>();
        attr(attrs, REGNUM, c.registrationNumber());
        attr(attrs, LEGAL_TYPE, c.legalType());
        attr(attrs, ACTIVITY, c.activity());
        attr(attrs, VAT, c.vatNumber());
        return new Subject(ref, null, Subject.CORPORATION,
                SubjectDetails.corporation(c.name(), c.name(), legal, null, attrs));
    }

    public static Corporation toCorporation(Subject s) {
        SubjectDetails d = s.details();
        if (d == null) {
            return new Corporation("", "", "", "", "", null);
        }
        TxAddress l = d.legalAddress() != null ? d.legalAddress() : d.address();
        Address address = l == null ? null : new Address(text(l.street()), text(l.addressInCity()), text(l.zip()),
                text(l.city()), country(l.country()));
        String name = d.legalName() != null ? d.legalName() : d.name();
        return new Corporation(text(name), attr(d.userAttrs(), REGNUM), attr(d.userAttrs(), LEGAL_TYPE),
                attr(d.userAttrs(), ACTIVITY), attr(d.userAttrs(), VAT), address);
    }

    private static Integer numeric(Country c) {
        return c == null ? null : c.numeric();
    }

    private static Country country(Integer numeric) {
        return numeric == null ? null : Country.fromNumeric(numeric).orElse(null);
    }

    private static void attr(List<UserAttr> attrs, String rid, String value) {
        if (value != null && !value.isEmpty()) {
            attrs.add(new UserAttr(rid, value));
        }
    }

    private static String attr(List<UserAttr> attrs, String rid) {
        if (attrs == null) {
            return "";
        }
        return attrs.stream().filter(a -> rid.equals(a.rid())).map(UserAttr::val).findFirst().orElse("");
    }

    private static List<String> list(String value) {
        return value == null || value.isEmpty() ? null : List.of(value);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
