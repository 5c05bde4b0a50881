package io.anygate.domain.transfer;

/** The life of a credit transfer, with the Anytime label of each status. */
public enum CreditTransferStatus {
    /** TX debited the account; the payment rail has not taken it yet. */
    IN_PROGRESS("In progress"),
    /** The payment rail took it; it executes or cancels it later. */
    TO_EXECUTE("To execute"),
    /** The rail executed it (execution reference and date known). */
    EXECUTED("Executed"),
    /** The rail cancelled it and TX gave the money back to the account. */
    CANCELLED("Cancelled");

    private final String label;

    CreditTransferStatus(String label) {
        this.label = label;
    }

    /** The Anytime {@code status} text. */
    public String label() {
        return label;
    }

    public boolean terminal() {
        return this == EXECUTED || this == CANCELLED;
    }
}
