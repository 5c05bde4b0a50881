package io.anygate.txsim;

/** A business decline (422 {@code common-TranDeclineRs}) with one of the codes of docs/tx-contract.md. */
final class Declined extends RuntimeException {

    static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    static final String BALANCE_LIMIT_EXCEEDED = "BALANCE_LIMIT_EXCEEDED";
    static final String AMOUNT_LIMIT_EXCEEDED = "AMOUNT_LIMIT_EXCEEDED";
    static final String CONTRACT_NOT_ACTIVE = "CONTRACT_NOT_ACTIVE";
    static final String CONTRACT_CLOSED = "CONTRACT_CLOSED";
    static final String CONTRACT_NOT_FINISHED = "CONTRACT_NOT_FINISHED";
    static final String CONTRACT_NOT_EMPTY = "CONTRACT_NOT_EMPTY";
    static final String CARD_NOT_ACTIVE = "CARD_NOT_ACTIVE";
    static final String CARD_BLOCKED = "CARD_BLOCKED";
    static final String CARD_CLOSED = "CARD_CLOSED";
    static final String POS_NOT_ALLOWED = "POS_NOT_ALLOWED";
    static final String ATM_NOT_ALLOWED = "ATM_NOT_ALLOWED";
    static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    static final String INVALID_CARD_DATA = "INVALID_CARD_DATA";
    static final String ALREADY_REVERSED = "ALREADY_REVERSED";
    static final String NOT_REVERSIBLE = "NOT_REVERSIBLE";
    static final String OBJECT_EXISTS = "OBJECT_EXISTS";
    static final String OBJECT_NOT_FOUND = "OBJECT_NOT_FOUND";
    static final String INVALID_STATUS_TRANSITION = "INVALID_STATUS_TRANSITION";

    private final String code;

    Declined(String code, String description) {
        super(description, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
