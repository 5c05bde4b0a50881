package io.anygate.domain.operation;

/**
 * The partner's own labels of a card load or unload: one for the account's statement, one for the card's
 * transactions. TX keeps no free text on a transaction, so the journal keeps them with the operation. Partner text:
 * stored and shown back to its partner, never logged.
 *
 * @param account the comment for the account side, or null when none was given
 * @param card    the comment for the card side, or null when none was given
 */
public record MoneyComments(String account, String card) {

    /** No comment on either side (a card order's initial load, a saga). */
    public static final MoneyComments NONE = new MoneyComments(null, null);

    public MoneyComments {
        account = blankToNull(account);
        card = blankToNull(card);
    }

    @Override
    public String toString() {
        // Partner text stays out of logs and exception messages that print an operation.
        return "MoneyComments[account=" + (account == null ? "none" : "given") + ", card="
                + (card == null ? "none" : "given") + "]";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
