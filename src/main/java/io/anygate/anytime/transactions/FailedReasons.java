package io.anygate.anytime.transactions;

import java.util.Locale;
import java.util.Map;

/**
 * A declined transaction's {@code failed_reason}: TX's decline result (the {@code result} of a declined transaction,
 * docs/tx-contract.md "Answers") onto the Anytime spec's {@code TRS} codes, in this one table. A result the table does
 * not know keeps TX's text under {@code TRS9999}.
 */
public final class FailedReasons {

    private static final Map<String, CardTransaction.FailedReason> BY_TX_RESULT = Map.ofEntries(
            reason("INSUFFICIENT_FUNDS", "TRS0010", "Not sufficient funds"),
            reason("CARD_NOT_ACTIVE", "TRS0035", "Card not active"),
            reason("CARD_BLOCKED", "TRS0031", "Blocked card"),
            reason("CARD_CLOSED", "TRS0035", "Card not active"),
            reason("CONTRACT_NOT_ACTIVE", "TRS0043", "Account not active"),
            reason("CONTRACT_CLOSED", "TRS0043", "Account not active"),
            reason("POS_NOT_ALLOWED", "TRS0084", "Txn type not allowed"),
            reason("ATM_NOT_ALLOWED", "TRS0084", "Txn type not allowed"),
            reason("AMOUNT_LIMIT_EXCEEDED", "TRS0023", "Txn amount too big"),
            reason("BALANCE_LIMIT_EXCEEDED", "TRS0025", "Balance over max limit"),
            reason("CURRENCY_MISMATCH", "TRS0021", "Invalid currency"));

    private FailedReasons() {
    }

    private static Map.Entry<String, CardTransaction.FailedReason> reason(String txResult, String code, String message) {
        return Map.entry(txResult, new CardTransaction.FailedReason(code, message));
    }

    /** The reason for TX's decline result; {@code TRS9999} with TX's text (or "Declined") when unknown. */
    public static CardTransaction.FailedReason of(String txResult) {
        String key = txResult == null ? "" : txResult.trim().toUpperCase(Locale.ROOT);
        CardTransaction.FailedReason known = BY_TX_RESULT.get(key);
        if (known != null) {
            return known;
        }
        return new CardTransaction.FailedReason("TRS9999", txResult == null || txResult.isBlank() ? "Declined" : txResult);
    }
}
