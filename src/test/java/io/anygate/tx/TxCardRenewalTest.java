package io.anygate.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The new card a renewal sends to TX, made of the old card's object (TxCardCore.newCard). */
class TxCardRenewalTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate TODAY = LocalDate.parse("2026-12-06");

    @Test
    void keepsWhatTheHolderSeesAndTakesItsOwnIdentityStatusAndDates() throws Exception {
        ObjectNode old = (ObjectNode) JSON.readTree("""
                {"ref":{"id":41,"rid":"AGW-C-old"},"holder":{"id":7},"financialContract":{"id":9},
                 "product":{"rid":"CP-PHYSICAL"},"panMask":"777777******1234","mbr":0,"status":"Active",
                 "lifePhaseRid":"LC_ACTIVE","restrictionsProfile":{"rid":"RP-NO-ATM"},
                 "names":{"emboss":"ANNE MARTIN"},"notes":"vip","tdsEnrollment":true,
                 "logistics":{"deliveryAddress":{"city":"Lyon"}},"userAttrs":[{"rid":"AGW-CARD-TYPE","val":"PLASTIC"}],
                 "dates":{"creation":"2026-01-15","activation":"2026-01-20","expiration":"2028-01-31"}}""");

        ObjectNode card = TxCardCore.newCard(old, "AGW-C-new", true, TODAY);

        assertEquals(JSON.readTree("""
                {"ref":{"rid":"AGW-C-new"},"status":"Active","names":{"emboss":"ANNE MARTIN"},"notes":"vip",
                 "tdsEnrollment":true,"logistics":{"deliveryAddress":{"city":"Lyon"}},
                 "userAttrs":[{"rid":"AGW-CARD-TYPE","val":"PLASTIC"}],
                 "dates":{"expiration":"2028-12-31"}}"""), card);
        for (String owned : List.of("holder", "financialContract", "product", "panMask", "mbr", "lifePhaseRid",
                "restrictionsProfile")) {
            assertFalse(card.has(owned), owned);
        }
    }

    @Test
    void runsTheOldCardsTermInWholeMonthsOrThreeYearsWhenItsDatesDoNotSay() throws Exception {
        assertEquals("2027-06-30", expiration("""
                {"creation":"2026-03-31","expiration":"2026-09-01"}"""));
        assertEquals("2029-12-31", expiration("""
                {"expiration":"2028-01-31"}"""));
        assertEquals("2029-12-31", expiration("""
                {"creation":"2026-03-01","expiration":"2026-03-31"}"""));
        assertEquals("2029-12-31", expiration("""
                {"creation":"not a date","expiration":"2028-01-31"}"""));
    }

    private static String expiration(String dates) throws Exception {
        ObjectNode old = (ObjectNode) JSON.readTree("{\"dates\":" + dates + "}");
        return TxCardCore.newCard(old, "R", false, TODAY).path("dates").path("expiration").asText();
    }
}
