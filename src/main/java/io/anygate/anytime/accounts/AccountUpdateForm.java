package io.anygate.anytime.accounts;

import io.anygate.anytime.forms.FormReader;
import io.anygate.domain.AccountType;
import io.anygate.domain.Corporation;
import io.anygate.domain.CurrencyUnits;
import io.anygate.domain.Person;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The parameters of {@code PUT /v1.0/accounts/{id}}. The document marks the {@code user_*} as required, but the SDK
 * sends only what the integrator set: an update is partial, each parameter sent is validated as on creation and
 * replaces the current value. {@code acc_currency}, when sent, must be the account's currency (TX cannot change a
 * contract's currency).
 *
 * @param currency null when not sent
 */
public record AccountUpdateForm(Currency currency, FormReader params, LocalDate today) {

    /** Validates every parameter present; throws {@code AccountInvalidParameterException} naming the first bad one. */
    public static AccountUpdateForm parse(FormReader f, LocalDate today) {
        Currency currency = f.optional("acc_currency").map(v -> CurrencyUnits.ofAnyCase(v)
                .orElseThrow(() -> f.invalid("acc_currency", "must be an ISO 4217 currency code"))).orElse(null);
        AccountUpdateForm form = new AccountUpdateForm(currency, f, today);
        // Validate everything up front, against empty values, so a bad parameter fails before any TX call.
        form.applyTo(new Person(null, "", "", null, "", "", "", null, null));
        form.applyTo(new Corporation("", "", "", "", "", null));
        return form;
    }

    /** Checks {@code acc_currency} against the account's currency. */
    public void checkCurrency(Currency accountCurrency) {
        if (currency != null && !currency.equals(accountCurrency)) {
            throw params.invalid("acc_currency", "cannot be changed (the account is in "
                    + accountCurrency.getCurrencyCode() + ")");
        }
    }

    /** The cardholder with the sent {@code user_*} applied. */
    public Person applyTo(Person p) {
        FormReader f = params;
        return new Person(
                HolderFields.gender(f, "user_gender").orElse(p.gender()),
                HolderFields.name(f, "user_first_name").orElse(p.firstName()),
                HolderFields.name(f, "user_last_name").orElse(p.lastName()),
                HolderFields.birthDate(f, "user_dob", today).orElse(p.birthDate()),
                HolderFields.name(f, "user_pob").orElse(p.birthPlace()),
                HolderFields.email(f, "user_email").orElse(p.email()),
                HolderFields.mobile(f, "user_mobile_number").orElse(p.mobile()),
                HolderFields.patchAddress(f, "user_addr_", p.address()),
                HolderFields.country(f, "user_nationality").orElse(p.nationality()));
    }

    /** The company with the sent {@code corp_*} applied (business accounts only). */
    public Corporation applyTo(Corporation c) {
        FormReader f = params;
        return new Corporation(
                f.optionalText("corp_name", HolderFields.LINE_MAX).orElse(c.name()),
                f.optionalText("corp_regnum", HolderFields.NAME_MAX).orElse(c.registrationNumber()),
                f.optionalText("corp_type", HolderFields.NAME_MAX).orElse(c.legalType()),
                f.optionalText("corp_activity", HolderFields.LINE_MAX).orElse(c.activity()),
                f.optionalText("corp_tva", HolderFields.NAME_MAX).orElse(c.vatNumber()),
                HolderFields.anyAddress(f, "corp_addr_") || c.address() != null
                        ? HolderFields.patchAddress(f, "corp_addr_", c.address()) : null);
    }

    /** True when a {@code corp_*} was sent; for a consumer account they are ignored. */
    public boolean touchesCorporation(AccountType type) {
        return type == AccountType.BUSINESS && (params.has("corp_name") || params.has("corp_regnum")
                || params.has("corp_type") || params.has("corp_activity") || params.has("corp_tva")
                || HolderFields.anyAddress(params, "corp_addr_"));
    }
}
