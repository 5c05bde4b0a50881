package io.anygate.domain.account;

/** An account operation refused by a business rule or by the core; the inbound adapter maps the reason to a code. */
public class AccountRefused extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** Another partner's account, or no such account: the two look the same. */
        NOT_OWNED,
        /** A parameter the account cannot take (unsupported currency, currency change); message names it. */
        INVALID_PARAMETER,
        /** The same Idempotency-Key was used earlier with other parameters. */
        IDEMPOTENCY_KEY_REUSED,
        /** The core refused the opening for good; the operation is FAILED and nothing is visible. */
        OPENING_FAILED,
        /** The core cannot be reached or did not answer; the operation will be resumed or compensated. */
        CORE_UNAVAILABLE,
        /** No such statement line on this account. */
        STATEMENT_NOT_FOUND,
        /** The account has its IBAN already. */
        IBAN_ALREADY_EXISTS,
        /** The partner's IBAN KYC gate is on and the account's KYC is not accepted. */
        IBAN_KYC_INCOMPLETE,
        /** A virtual IBAN or a credit transfer was asked for an account that has no IBAN yet. */
        IBAN_NOT_CREATED,
        /** TX found too little money on the account for a credit transfer. */
        NOT_ENOUGH_CREDIT,
        /** The partner's credit transfer KYC gate is on and the account's KYC is not accepted. */
        CREDIT_TRANSFER_KYC_REQUIRED,
        /** A credit transfer to the account's own IBAN. */
        IDENTICAL_SRC_AND_DST,
        /** No such credit transfer on this account. */
        CREDIT_TRANSFER_NOT_FOUND,
        /** A testimonial was asked for a credit transfer that is not executed. */
        TESTIMONIAL_NOT_AVAILABLE
    }

    private final Reason reason;
    private final String parameter;

    public AccountRefused(Reason reason, String message) {
        this(reason, null, message);
    }

    public AccountRefused(Reason reason, String parameter, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.parameter = parameter;
    }

    public Reason reason() {
        return reason;
    }

    /** The parameter at fault for INVALID_PARAMETER, else null. */
    public String parameter() {
        return parameter;
    }
}
