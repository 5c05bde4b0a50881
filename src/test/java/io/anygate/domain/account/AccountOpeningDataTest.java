package io.anygate.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.anygate.domain.AccountType;
import io.anygate.domain.Address;
import io.anygate.domain.Corporation;
import io.anygate.domain.Country;
import io.anygate.domain.Gender;
import io.anygate.domain.Person;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a resumed opening reads back from the journal is what the partner sent. */
class AccountOpeningDataTest {

    @Test
    void requestRoundTripsThroughTheJournalData() {
        Country fr = Country.fromAlpha2("FR").orElseThrow();
        Person p = new Person(Gender.MALE, "Jean", "Dupont", LocalDate.of(1970, 1, 1), "Nice", "j@example.com",
                "33600000002", new Address("1 rue", "", "06000", "Nice", fr), fr);
        Corporation c = new Corporation("Acme", "R1", "SAS", "Trade", "FR01", null);
        AccountOpeningRequest rq = new AccountOpeningRequest("p", AccountType.BUSINESS, Currency.getInstance("EUR"),
                p, c, null, null);
        Map<String, String> d = AccountOpeningData.write(rq);
        assertEquals(AccountType.BUSINESS, AccountOpeningData.type(d));
        assertEquals(Currency.getInstance("EUR"), AccountOpeningData.currency(d));
        assertEquals(p, AccountOpeningData.person(d));
        assertEquals(c, AccountOpeningData.corporation(d));
        Map<String, String> consumer = AccountOpeningData.write(new AccountOpeningRequest("p", AccountType.CONSUMER,
                Currency.getInstance("USD"), p, null, null, null));
        assertNull(AccountOpeningData.corporation(consumer));
    }
}
