package io.anygate.domain.transfer;

import java.util.List;

/**
 * Notified when credit transfers reach Executed or Cancelled (port; the webhook adapter enqueues the partner's
 * {@code credit_transfer_processed} webhook). Called inside a unit of work with the transfers marked notified, so
 * it must be cheap and only write the outbox.
 */
public interface CreditTransferEvents {

    /** One delivery for 1 to 100 transfers of one partner; {@code batchId} is stable for the same transfers. */
    void processed(String partnerId, String batchId, List<CreditTransfer> transfers);
}
