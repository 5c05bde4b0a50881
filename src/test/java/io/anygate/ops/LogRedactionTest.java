package io.anygate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** The log safety net: card numbers and bearer tokens never reach a log line in clear. */
class LogRedactionTest {

    @Test
    void masksCardNumbersToFirstSixAndLastFour() {
        assertEquals("card 411111******1111 declined", LogRedaction.mask("card 4111111111111111 declined"));
        assertEquals("pan=601100******9424", LogRedaction.mask("pan=6011000990139424"));
    }

    @Test
    void masksIbansLikeCardNumbers() {
        assertEquals("credit to FR7630*****************0189 done",
                LogRedaction.mask("credit to FR7630006000011234567890189 done"));
        assertEquals("iban=BE6853******7034", LogRedaction.mask("iban=BE68 5390 0754 7034"));
        // not a valid IBAN (check digits): left alone
        assertEquals("ref FR0030006000011234567890189", LogRedaction.mask("ref FR0030006000011234567890189"));
    }

    @Test
    void masksGroupedCardNumbers() {
        assertEquals("card 411111******1111.", LogRedaction.mask("card 4111 1111 1111 1111."));
        assertEquals("card 411111******1111", LogRedaction.mask("card 4111-1111-1111-1111"));
    }

    @Test
    void masksNineteenAndThirteenDigitCardNumbers() {
        assertEquals("x 400000*********0006 y", LogRedaction.mask("x 4000000000000000006 y"));
        assertEquals("422222***2222", LogRedaction.mask("4222222222222"));
    }

    @Test
    void leavesNumbersThatAreNotCardNumbersAlone() {
        // 16 digits failing Luhn, 12 digits, 20 digits: not card numbers
        assertEquals("id 4111111111111112", LogRedaction.mask("id 4111111111111112"));
        assertEquals("amount 123456789012", LogRedaction.mask("amount 123456789012"));
        assertEquals("ref 41111111111111110000", LogRedaction.mask("ref 41111111111111110000"));
    }

    @Test
    void leavesTheAccessLinesRequestIdAlone() {
        String line = "GET /v1.0/cards 200 3ms partner=acme request_id=4111111111111111 tx_calls=1";
        assertEquals(line, LogRedaction.mask(line));
    }

    @Test
    void masksBearerTokens() {
        assertEquals("Authorization: Bearer *** sent",
                LogRedaction.mask("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_x= sent"));
        assertEquals("bearer ***", LogRedaction.mask("bearer 0123abcdef"));
    }

    @Test
    void returnsTheSameTextWhenNothingMatches() {
        String clean = "nothing to hide here: 42 cards";
        assertTrue(clean == LogRedaction.mask(clean));
    }

    @Test
    void luhnCheck() {
        assertTrue(LogRedaction.luhn("79927398713"));
        assertFalse(LogRedaction.luhn("79927398710"));
    }

    @Test
    void theFilterRewritesAFormattedRecordAndKeepsIt() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "loading card %s with %s",
                ExtLogRecord.FormatStyle.PRINTF, LogRedactionTest.class.getName());
        record.setParameters(new Object[] {"5555555555554444", "Bearer abc.def.ghi"});
        assertTrue(new RedactingLogFilter().isLoggable(record));
        assertEquals("loading card 555555******4444 with Bearer ***", record.getFormattedMessage());
        assertFalse(record.getFormattedMessage().contains("5555555555554444"));
    }
}
