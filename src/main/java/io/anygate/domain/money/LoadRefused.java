package io.anygate.domain.money;

/**
 * A card load or unload that did not happen, with the business reason; the inbound adapter turns the reason
 * into the Anytime error code. Nothing was applied in TX when this is thrown, except for
 * {@link Reason#OUTCOME_UNKNOWN}, where the operation is journaled and will be resolved by the reconciler: a caller
 * can tell "not done" (every other reason) from "unknown".
 */
public class LoadRefused extends RuntimeException {

    /** Why. */
    public enum Reason {
        CARD_NOT_OWNED,
        AMOUNT_TOO_LOW,
        AMOUNT_TOO_HIGH,
        AMOUNT_PRECISION,
        ACCOUNT_BALANCE_TOO_LOW,
        CARD_BALANCE_TOO_LOW,
        CARD_BALANCE_TOO_HIGH,
        CARD_NOT_ACTIVATED,
        CARD_CANCELLED,
        MAX_LOAD_PER_DAY,
        MAX_LOAD_PER_FOUR_DAYS,
        MAX_LOAD_PER_WEEK,
        MAX_LOAD_PER_MONTH,
        MAX_LOAD_PER_YEAR,
        LOAD_CAPACITY,
        /** A single-use card has had its one load. */
        SINGLE_USE_LOADED,
        /** TX declined with a code the gateway does not know. */
        DECLINED_OTHER,
        /** TX could not be reached or did not answer in time; see the operation for the final outcome. */
        OUTCOME_UNKNOWN,
        /** The same Idempotency-Key was used earlier with other parameters. */
        IDEMPOTENCY_KEY_REUSED,
        /** TX could not be asked before anything was sent (card standing, journal): nothing was done, retry. */
        CORE_UNAVAILABLE,
        /**
         * Journaled but definitely not applied, and never sent later: no attempt reached TX, it could not be sent,
         * or TX registered nothing under its matchKey within its window.
         */
        NOT_APPLIED,
        /** TX refused the request itself (unknown contract, malformed): nothing moved; a gateway defect. */
        REJECTED,
        /** The partner's card load KYC gate is on and the card's account's KYC is not accepted. */
        KYC_REQUIRED
    }

    private final Reason reason;
    private final String operationId;

    public LoadRefused(Reason reason, String message, String operationId) {
        super(message, null, false, false);
        this.reason = reason;
        this.operationId = operationId;
    }

    public Reason reason() {
        return reason;
    }

    /** The journaled operation, when one was recorded (null for refusals before recording). */
    public String operationId() {
        return operationId;
    }
}
