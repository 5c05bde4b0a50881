package io.anygate.domain.account;

import java.util.List;
import java.util.Optional;

/** Which partner owns which account (port; the store implements it). */
public interface AccountOwnership {

    /** The account if it exists AND belongs to the partner; another partner's account looks absent. */
    Optional<OwnedAccount> find(String partnerId, long accountId);

    /** The partner's accounts by ascending acc_id. */
    List<OwnedAccount> list(String partnerId, int offset, int limit);

    long count(String partnerId);

    /**
     * Makes a newly created account visible to its partner: the last step of the account-opening saga.
     * Idempotent: registering the same operation's account again changes nothing.
     */
    void register(OwnedAccount account, String operationId);
}
