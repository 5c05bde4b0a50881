/**
 * Outbound SEPA credit transfers: the partner's request, the TX debit ({@code tran/account2fi}) journaled with its
 * matchKey, the payment rail that executes or cancels the transfer, the refund of a cancelled one
 * ({@code tran/fi2account}), and the {@code credit_transfer_processed} events.
 */
package io.anygate.domain.transfer;
