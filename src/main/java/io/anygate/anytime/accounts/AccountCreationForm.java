package io.anygate.anytime.accounts;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.forms.FormReader;
import io.anygate.domain.AccountType;
import io.anygate.domain.Corporation;
import io.anygate.domain.CurrencyUnits;
import io.anygate.domain.Person;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The parameters of {@code POST /v1.0/accounts}, validated. Every {@code user_*} is required except
 * {@code user_addr_line_2} (the SDK drops unset parameters, and a second address line is often empty). For a business
 * account {@code corp_name} is required (a TX Corporation needs a name) and the company address is all-or-nothing;
 * {@code corp_*} sent for a consumer account are ignored, as the SDK never sends them.
 *
 * @param corporation null for a consumer account
 */
public record AccountCreationForm(AccountType type, Currency currency, Person holder, Corporation corporation) {

    /** Parses and validates; throws {@code AccountInvalidParameterException} naming the first bad parameter. */
    public static AccountCreationForm parse(FormReader f, LocalDate today) {
        AccountType type = AccountType.fromAnytime(f.required("acc_type"))
                .orElseThrow(() -> f.invalid("acc_type", "must be business or consumer"));
        Currency currency = CurrencyUnits.ofAnyCase(f.required("acc_currency"))
                .orElseThrow(() -> f.invalid("acc_currency", "must be an ISO 4217 currency code"));
        Person holder = new Person(
                HolderFields.require(f, "user_gender", HolderFields.gender(f, "user_gender")),
                HolderFields.require(f, "user_first_name", HolderFields.name(f, "user_first_name")),
                HolderFields.require(f, "user_last_name", HolderFields.name(f, "user_last_name")),
                HolderFields.require(f, "user_dob", HolderFields.birthDate(f, "user_dob", today)),
                HolderFields.require(f, "user_pob", HolderFields.name(f, "user_pob")),
                HolderFields.require(f, "user_email", HolderFields.email(f, "user_email")),
                HolderFields.require(f, "user_mobile_number", HolderFields.mobile(f, "user_mobile_number")),
                HolderFields.requiredAddress(f, "user_addr_"),
                HolderFields.require(f, "user_nationality", HolderFields.country(f, "user_nationality")));
        Corporation corporation = type == AccountType.BUSINESS ? corporation(f) : null;
        return new AccountCreationForm(type, currency, holder, corporation);
    }

    private static Corporation corporation(FormReader f) {
        return new Corporation(
                HolderFields.require(f, "corp_name", f.optionalText("corp_name", HolderFields.LINE_MAX)),
                f.optionalText("corp_regnum", HolderFields.NAME_MAX).orElse(""),
                f.optionalText("corp_type", HolderFields.NAME_MAX).orElse(""),
                f.optionalText("corp_activity", HolderFields.LINE_MAX).orElse(""),
                f.optionalText("corp_tva", HolderFields.NAME_MAX).orElse(""),
                HolderFields.anyAddress(f, "corp_addr_") ? HolderFields.requiredAddress(f, "corp_addr_") : null);
    }

    /** The reader these parameters are read with: account endpoints answer 4000210. */
    public static FormReader reader(java.util.Map<String, String> params) {
        return FormReader.of(params, AnytimeError.ACCOUNT_INVALID_PARAMETER);
    }
}
