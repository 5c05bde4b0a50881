package io.anygate.domain.iban;

import io.anygate.domain.operation.MatchKey;
import java.util.List;

/**
 * What IBANs need from the card-processing core (port; {@code tx.TxIbanCore} implements it): the account contract
 * carries its IBANs as attributes, so that the core's operators see them. Failures are
 * {@link io.anygate.domain.account.AccountCoreException}s.
 */
public interface IbanCore {

    /**
     * Sets the IBAN attributes of the account contract to {@code ibans} (the main one first), keeping its other
     * attributes; a repeat with the same key changes nothing.
     */
    void recordIbans(long contractId, List<IssuedIban> ibans, MatchKey key);
}
