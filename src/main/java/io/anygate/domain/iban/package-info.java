/**
 * IBANs of accounts: issuing an account's IBAN and its virtual IBANs, money arriving on them (inbound SEPA
 * credits, a TX {@code fi2account} onto the account contract), and the IBAN movements an IBAN statement lists.
 * Plain Java behind ports: {@link io.anygate.domain.iban.IbanRegistry} (store), {@link
 * io.anygate.domain.iban.IbanCore} and {@link io.anygate.domain.iban.InboundPayments} (TX).
 */
package io.anygate.domain.iban;
