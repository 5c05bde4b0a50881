package io.anygate.domain.iban;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The IBANs issued and the money that moved through them (port; the store implements it). */
public interface IbanRegistry {

    /** The next account number, unique across replicas (a store sequence). */
    long nextNumber();

    /**
     * Records a newly issued IBAN. False, changing nothing, when the account has a main IBAN already and this is
     * one too (two requests racing, possibly on two replicas), or when the IBAN itself exists.
     */
    boolean add(IssuedIban iban);

    /** Notes that TX's account contract now carries this IBAN. */
    void markOnCore(String iban);

    /** Every IBAN of the account, main first, then virtual ones by issue time. */
    List<IssuedIban> ofAccount(long accountId);

    /** The IBAN, whichever account it belongs to. */
    Optional<IssuedIban> find(String iban);

    /** Records a movement; recording the same operation again changes nothing. */
    void addMovement(IbanMovement movement);

    /** The movements of the account among these TX transactions, by transaction id. */
    Map<Long, IbanMovement> movements(long accountId, Collection<Long> tranIds);

    /** The TX transaction ids of every movement of the account. */
    List<Long> movementTranIds(long accountId);
}
