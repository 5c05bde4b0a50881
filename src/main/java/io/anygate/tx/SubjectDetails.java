package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * TX {@code subject.details}: the spec's {@code anyOf} of the common subject details, the company details and
 * the person details, read as one record (a field of the other kind stays null). A company's registration
 * number has no field of its own in TX: it travels as a {@code userAttrs} entry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectDetails(
        // common to both kinds
        TxAddress mailAddress, String languageCode, String locale, String status, List<UserAttr> userAttrs,
        // Corporation
        SubjectRef parent, String name, String shortName, String legalName, String latName, TxAddress address,
        TxAddress legalAddress,
        // Person
        String lastName, String firstName, String middleName, LocalDate birthDate, String gender,
        Integer residenceCountry, Integer citizenshipCountry, TxAddress regAddress, TxAddress homeAddress,
        List<String> emails, List<String> phones, List<String> workPhones, CatalogueRef restrictionsProfile) {

    /** Details of a person. */
    public static SubjectDetails person(String firstName, String lastName, LocalDate birthDate, String gender,
            TxAddress homeAddress, List<String> emails, List<String> phones, List<UserAttr> userAttrs) {
        return new SubjectDetails(null, null, null, null, userAttrs, null, null, null, null, null, null, null,
                lastName, firstName, null, birthDate, gender, null, null, null, homeAddress, emails, phones, null,
                null);
    }

    /** Details of a company. */
    public static SubjectDetails corporation(String name, String legalName, TxAddress legalAddress,
            TxAddress mailAddress, List<UserAttr> userAttrs) {
        return new SubjectDetails(mailAddress, null, null, null, userAttrs, null, name, null, legalName, null,
                null, legalAddress, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
