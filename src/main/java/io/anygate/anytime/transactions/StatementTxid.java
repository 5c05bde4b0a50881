package io.anygate.anytime.transactions;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.domain.AccountId;

/**
 * The {@code {txid}} segment of {@code GET /v1.0/accounts/{id}/statements/{txid}}: the document's bare TX
 * transaction id ({@code 799265548903}) or the SDK's {@code {acc_id}-{txid}} ({@code 4680-799265548903}), whose
 * account part must name the account of the path.
 */
public final class StatementTxid {

    private StatementTxid() {
    }

    /** The TX transaction id; a malformed segment or another account's prefix is {@code AccountInvalidParameterException}. */
    public static long parse(String segment, AccountId account) {
        String s = segment == null ? "" : segment.trim();
        int dash = s.indexOf('-');
        if (dash >= 0) {
            if (!s.substring(0, dash).equals(account.toString())) {
                throw invalid("does not belong to account " + account);
            }
            s = s.substring(dash + 1);
        }
        if (!s.matches("[1-9]\\d{0,17}")) {
            throw invalid("must be a transaction id, or {acc_id}-{txid}");
        }
        return Long.parseLong(s);
    }

    private static AnytimeException invalid(String what) {
        return new AnytimeException(AnytimeError.ACCOUNT_INVALID_PARAMETER, "txid: " + what);
    }
}
