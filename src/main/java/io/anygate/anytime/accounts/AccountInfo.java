package io.anygate.anytime.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.domain.AccountId;
import io.anygate.domain.AccountType;
import io.anygate.domain.Address;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.Corporation;
import io.anygate.domain.Country;
import io.anygate.domain.Person;
import java.util.Currency;
import java.util.List;

/**
 * The body of {@code GET /v1.0/accounts/{id}}. Names are the document's answer names (note {@code corp_addr_1},
 * {@code corp_zip}, {@code user_addr_1}: not the request's {@code *_line_1}); the SDK reads the same ones. Text the
 * account does not have is {@code ""}; {@code iban} and {@code virtual_ibans} are always present (the SDK reads them
 * without checking).
 */
public record AccountInfo(
        @JsonProperty("acc_id") long accId,
        @JsonProperty("acc_type") String accType,
        @JsonProperty("acc_currency") String accCurrency,
        @JsonProperty("corp_name") String corpName,
        @JsonProperty("corp_regnum") String corpRegnum,
        @JsonProperty("corp_type") String corpType,
        @JsonProperty("corp_activity") String corpActivity,
        @JsonProperty("corp_tva") String corpTva,
        @JsonProperty("corp_addr_1") String corpAddr1,
        @JsonProperty("corp_addr_2") String corpAddr2,
        @JsonProperty("corp_zip") String corpZip,
        @JsonProperty("corp_city") String corpCity,
        @JsonProperty("corp_cc") String corpCc,
        @JsonProperty("user_gender") String userGender,
        @JsonProperty("user_first_name") String userFirstName,
        @JsonProperty("user_last_name") String userLastName,
        @JsonProperty("user_dob") String userDob,
        @JsonProperty("user_pob") String userPob,
        @JsonProperty("user_email") String userEmail,
        @JsonProperty("user_mobile_number") String userMobileNumber,
        @JsonProperty("user_addr_1") String userAddr1,
        @JsonProperty("user_addr_2") String userAddr2,
        @JsonProperty("user_addr_zip") String userAddrZip,
        @JsonProperty("user_addr_city") String userAddrCity,
        @JsonProperty("user_addr_cc") String userAddrCc,
        @JsonProperty("user_nationality") String userNationality,
        @JsonProperty("iban") AccountIban iban,
        @JsonProperty("virtual_ibans") List<VirtualIban> virtualIbans) {

    /** Builds the answer from the domain view of the account; {@code corporation} null for a consumer account. */
    public static AccountInfo of(AccountId id, AccountType type, Currency currency, Person holder,
            Corporation corporation, AccountIban iban, List<VirtualIban> virtualIbans) {
        Corporation c = corporation != null ? corporation : new Corporation("", "", "", "", "", null);
        Address ca = c.address() != null ? c.address() : new Address("", "", "", "", null);
        Address ua = holder.address() != null ? holder.address() : new Address("", "", "", "", null);
        return new AccountInfo(id.value(), type.anytimeCode(), currency.getCurrencyCode(),
                text(c.name()), text(c.registrationNumber()), text(c.legalType()), text(c.activity()),
                text(c.vatNumber()), text(ca.line1()), text(ca.line2()), text(ca.zip()), text(ca.city()),
                cc(ca.country()),
                holder.gender() == null ? "" : holder.gender().anytimeCode(), text(holder.firstName()),
                text(holder.lastName()), holder.birthDate() == null ? "" : AnytimeDates.date(holder.birthDate()),
                text(holder.birthPlace()), text(holder.email()), text(holder.mobile()), text(ua.line1()),
                text(ua.line2()), text(ua.zip()), text(ua.city()), cc(ua.country()), cc(holder.nationality()),
                iban, virtualIbans);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    // Lower-case alpha-2: the SDK's Country constants are lower case ('fr'), integrators compare against them.
    private static String cc(Country country) {
        return country == null ? "" : country.alpha2().toLowerCase(java.util.Locale.ROOT);
    }
}
