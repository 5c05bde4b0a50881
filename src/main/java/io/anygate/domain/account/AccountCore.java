package io.anygate.domain.account;

import io.anygate.domain.AccountType;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.Corporation;
import io.anygate.domain.Person;
import io.anygate.domain.operation.MatchKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;

/**
 * What accounts need from the card-processing core (port; {@code tx.TxAccountCore} implements it on TX). Every
 * write takes the saga step's matchKey and, for a created object, a rid the gateway chose: repeating a write
 * with the same key and rid never creates a second object. Failures are {@link AccountCoreException}s.
 */
public interface AccountCore {

    /** Creates (or, by rid, finds again) the cardholder; returns its TX subject id. */
    long createPerson(String rid, Person person, MatchKey key);

    /** Creates (or, by rid, finds again) the company of a business account; returns its TX subject id. */
    long createCorporation(String rid, Corporation corporation, MatchKey key);

    /**
     * Creates (or, by rid, finds again) the account contract of {@code clientSubjectId} with the contract type of
     * {@code type}; {@code holderSubjectId} (the cardholder) is noted on it. Returns the TX contract id.
     */
    long createAccountContract(String rid, AccountType type, Currency currency, long clientSubjectId,
            long holderSubjectId, MatchKey key);

    void activate(long contractId, MatchKey key);

    /** Sets the available balance (sandbox funding). */
    void setBalance(long contractId, BigDecimal balance, Currency currency, MatchKey key);

    /**
     * Closes the contract (compensation): prepares it for closure under {@code finishKey}, then closes it under
     * {@code closeKey}. Closing a closed contract is not an error; a contract that still holds money is refused
     * ({@link AccountCoreException.Kind#REJECTED}) before anything is sent: take the money off it first.
     */
    void close(long contractId, MatchKey finishKey, MatchKey closeKey);

    /** The contract created under a rid, if TX has it (compensation of a step whose answer was lost). */
    Optional<Long> contractIdByRid(String rid);

    AccountContract contract(long contractId);

    Person person(long subjectId);

    Corporation corporation(long subjectId);

    /** Replaces an existing person's details (never creates). */
    void updatePerson(long subjectId, Person person, MatchKey key);

    /** Replaces an existing company's details (never creates). */
    void updateCorporation(long subjectId, Corporation corporation, MatchKey key);

    /**
     * One page of the money movements of a contract, newest first, registered at or after {@code from} (null:
     * since the beginning).
     */
    CorePage<CoreTransaction> transactions(long contractId, Instant from, int offset, int limit);

    /** One transaction, empty when TX has none with that id. */
    Optional<CoreTransaction> transaction(long tranId);
}
