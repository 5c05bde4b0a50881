package io.anygate.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.domain.Address;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.Corporation;
import io.anygate.domain.Country;
import io.anygate.domain.Gender;
import io.anygate.domain.Person;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Every translation the accounts add round-trips: domain -> TX wire -> domain. */
class TxAccountHoldersTest {

    static final Country FR = Country.fromAlpha2("FR").orElseThrow();
    static final Country BE = Country.fromAlpha2("BE").orElseThrow();

    @Test
    void personRoundTrips() {
        Person p = new Person(Gender.FEMALE, "Alice", "Martin", LocalDate.of(1985, 4, 12), "Lyon", "a@example.com",
                "33600000001", new Address("1 rue", "Bat B", "75002", "Paris", FR), BE);
        Subject s = TxAccountHolders.toSubject(SubjectRef.ofRid("R"), p);
        assertEquals("Female", s.details().gender());
        assertEquals(250, s.details().regAddress().country());
        assertEquals(56, s.details().citizenshipCountry());
        assertEquals(p, TxAccountHolders.toPerson(s));
    }

    @Test
    void corporationRoundTrips() {
        Corporation c = new Corporation("Acme SA", "B1", "SA", "Widgets", "BE01", new Address("2 av", "", "1050",
                "Bruxelles", BE));
        Subject s = TxAccountHolders.toSubject(SubjectRef.ofRid("R"), c);
        assertEquals(Subject.CORPORATION, s.kind());
        assertEquals(c, TxAccountHolders.toCorporation(s));
        Corporation bare = new Corporation("Acme", "", "", "", "", null);
        assertEquals(bare, TxAccountHolders.toCorporation(TxAccountHolders.toSubject(SubjectRef.ofId(1), bare)));
    }

    @Test
    void tranBecomesCoreTransaction() {
        Tran t = new Tran(7, LocalDateTime.of(2026, 1, 2, 3, 4, 5), null, null, "Transfer", false,
                new Tran.Party(null, ContractRef.ofId(10)), new Tran.Party(null, ContractRef.ofId(11)),
                new Tran.Terminal("Shop", null, null, null, new Tran.Owner(5411)),
                new Tran.Values(new MonetaryValue(new BigDecimal("1.50"), "EUR"),
                        new MonetaryValue(new BigDecimal("1.60"), "USD")), "Approved");
        CoreTransaction c = TxAccountTrans.toCore(t);
        assertEquals(new CoreTransaction(7, t.regTime(), "Transfer", false, null, new BigDecimal("1.50"), "EUR",
                new BigDecimal("1.60"), "USD", 5411, "Shop", "Approved", 10L, 11L), c);
        assertEquals(CoreTransaction.Direction.DEBIT, c.directionFor(10));
    }
}
