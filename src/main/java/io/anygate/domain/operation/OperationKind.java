package io.anygate.domain.operation;

/** What an operation does; money kinds move funds between an account contract and a card contract in TX. */
public enum OperationKind {
    ACCOUNT_OPEN(false),
    ACCOUNT_UPDATE(false),
    CARD_ORDER(false),
    CARD_UPDATE(false),
    /** Card load: account contract to card contract. */
    CARD_CREDIT(true),
    /** Card unload: card contract to account contract. */
    CARD_DEBIT(true),
    /**
     * Inbound SEPA credit: money from outside TX onto an account contract ({@code tran/fi2account}). No card is
     * involved, so it is not one of the card money kinds; {@code domain.iban.IncomingCreditResumer} resolves it.
     */
    IBAN_CREDIT(false);

    private final boolean movesMoney;

    OperationKind(boolean movesMoney) {
        this.movesMoney = movesMoney;
    }

    public boolean movesMoney() {
        return movesMoney;
    }
}
