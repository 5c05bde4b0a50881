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
    IBAN_CREDIT(false),
    /**
     * Outbound SEPA credit transfer: money from an account contract to outside TX ({@code tran/account2fi});
     * {@code domain.transfer.CreditTransferResumer} resolves it.
     */
    CREDIT_TRANSFER(false),
    /** The refund of a cancelled credit transfer ({@code tran/fi2account}); resolved like CREDIT_TRANSFER. */
    CREDIT_TRANSFER_REFUND(false);

    private final boolean movesMoney;

    OperationKind(boolean movesMoney) {
        this.movesMoney = movesMoney;
    }

    public boolean movesMoney() {
        return movesMoney;
    }
}
