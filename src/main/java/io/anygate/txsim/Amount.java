package io.anygate.txsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * An exact amount in an ISO 4217 currency, validated as docs/tx-contract.md says: positive, at most the
 * currency's minor units.
 */
record Amount(BigDecimal amt, String ccy) {

    /** Reads {@code common-MonetaryValue} ({@code {"amt": 20.00, "ccy": "EUR"}}) at {@code path}. */
    static Amount parse(JsonNode body, String name, String path) {
        JsonNode value = SimJson.reqObject(body, name, path);
        String ccy = currency(SimJson.optText(value, "ccy", path + ".ccy"), path + ".ccy");
        JsonNode amt = value.get("amt");
        if (amt == null || amt.isNull()) {
            throw TxSimException.badRequest(path + ".amt is required");
        }
        if (!amt.isNumber()) {
            throw TxSimException.badRequest(path + ".amt must be a number");
        }
        return new Amount(checkScale(amt.decimalValue(), ccy, path + ".amt", false), ccy);
    }

    /** A currency code that java.util.Currency knows and that has minor units defined. */
    static String currency(String ccy, String field) {
        if (ccy == null) {
            throw TxSimException.badRequest(field + " is required");
        }
        try {
            Currency c = Currency.getInstance(ccy);
            if (!c.getCurrencyCode().equals(ccy) || c.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException();
            }
            return ccy;
        } catch (IllegalArgumentException e) {
            throw TxSimException.badRequest(field + " must be an ISO 4217 alpha-3 currency code");
        }
    }

    static int digits(String ccy) {
        return Currency.getInstance(ccy).getDefaultFractionDigits();
    }

    /** The amount at the currency's scale; more decimals, or a value not positive (or negative), is a 400. */
    static BigDecimal checkScale(BigDecimal amt, String ccy, String field, boolean zeroAllowed) {
        int digits = digits(ccy);
        if (amt.signum() < 0 || (!zeroAllowed && amt.signum() == 0)) {
            throw TxSimException.badRequest(field + (zeroAllowed ? " must not be negative" : " must be positive"));
        }
        if (amt.stripTrailingZeros().scale() > digits) {
            throw TxSimException.badRequest(field + " has more decimals than " + ccy + " allows (" + digits + ")");
        }
        return amt.setScale(digits);
    }
}
