package io.anygate.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * The domain's view of one TX transaction ({@code tran} of {@code GET /tx/v1/trans}), translated by the TX adapter.
 *
 * @param id                  TX transaction id
 * @param regTime             registration time, TX local time (TX zone)
 * @param kind                TX kind ({@code Goods}, {@code Payment}, ...), kept as TX wrote it
 * @param reversal            TX {@code isReversal}
 * @param lifePhase           TX life phase (authorization, presentment, ...), may be null
 * @param amount              customer (billing) amount, in the contract's currency, positive
 * @param currency            customer (billing) currency, alpha-3
 * @param clearingAmount      clearing (transaction, local) amount, positive; null when TX gives none
 * @param clearingCurrency    clearing currency, alpha-3; null when TX gives none
 * @param mcc                 merchant category code of the terminal owner; null for transfers
 * @param merchantDescription terminal name, or the transfer's text; may be null
 * @param result              TX {@code result} ({@code Approved}, {@code Declined}, ...)
 * @param srcContractId       TX id of the source contract, null if none (e.g. a card purchase seen from outside)
 * @param dstContractId       TX id of the destination contract, null if none (a vendor, a merchant)
 */
public record CoreTransaction(
        long id,
        LocalDateTime regTime,
        String kind,
        boolean reversal,
        String lifePhase,
        BigDecimal amount,
        String currency,
        BigDecimal clearingAmount,
        String clearingCurrency,
        Integer mcc,
        String merchantDescription,
        String result,
        Long srcContractId,
        Long dstContractId) {

    /** Which way money moved for one contract. */
    public enum Direction { CREDIT, DEBIT }

    /** Where the transaction stands, as a cardholder understands it. */
    public enum Settlement { SETTLED, CANCELLED, PENDING, DECLINED }

    /**
     * Credit when the contract is the destination, debit when it is the source (a transfer between two of the
     * same contract's sides does not exist in TX). A reversal is listed as registered, with its own direction.
     *
     * @throws IllegalArgumentException if the transaction does not touch the contract
     */
    public Direction directionFor(long contractId) {
        if (dstContractId != null && dstContractId == contractId) {
            return Direction.CREDIT;
        }
        if (srcContractId != null && srcContractId == contractId) {
            return Direction.DEBIT;
        }
        throw new IllegalArgumentException("transaction " + id + " does not touch contract " + contractId);
    }

    /**
     * The rules, in order: not approved ({@code result} other than {@code Approved}) is DECLINED; a reversal is
     * CANCELLED; a transaction still in an authorization life phase is PENDING; anything else is SETTLED.
     */
    public Settlement settlement() {
        if (result == null || !"approved".equals(result.toLowerCase(Locale.ROOT))) {
            return Settlement.DECLINED;
        }
        if (reversal) {
            return Settlement.CANCELLED;
        }
        if (lifePhase != null && lifePhase.toLowerCase(Locale.ROOT).contains("auth")) {
            return Settlement.PENDING;
        }
        return Settlement.SETTLED;
    }

    /** True when the transaction moved (or holds) money: declined ones are listed but change no balance. */
    public boolean movesMoney() {
        return settlement() != Settlement.DECLINED;
    }

    /** The clearing amount, or the customer amount when TX gives no clearing values. */
    public BigDecimal effectiveClearingAmount() {
        return clearingAmount != null ? clearingAmount : amount;
    }

    /** The clearing currency, or the customer currency when TX gives no clearing values. */
    public String effectiveClearingCurrency() {
        return clearingCurrency != null ? clearingCurrency : currency;
    }
}
