package io.anygate.domain.transfer;

/**
 * The production payment rail: the bank's SEPA adapter, supplied as a CDI bean implementing this interface. Until
 * one is deployed, {@link NoSepaAdapter} keeps every transfer In progress (its money stays debited, nothing is
 * lost) and says so in the log.
 */
public interface SepaAdapter extends PaymentRail {
}
