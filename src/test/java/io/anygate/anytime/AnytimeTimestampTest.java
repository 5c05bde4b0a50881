package io.anygate.anytime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.EdgeClient;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The envelope timestamp reads back, through json_decode and PHP's (string) cast, as exactly the hashed text. */
class AnytimeTimestampTest {

    @Test
    void phpReadsBackExactlyTheHashedTextForManyTimestamps() {
        SplittableRandom random = new SplittableRandom(20240601);
        for (int i = 0; i < 50_000; i++) {
            long seconds = 1_000_000_000L + random.nextLong(9_000_000_000L - 1_000_000_000L);
            int nanos = i % 10 == 0 ? (i % 100) * 100_000 : random.nextInt(1_000_000_000);
            AnytimeTimestamp ts = AnytimeTimestamp.of(Instant.ofEpochSecond(seconds, nanos));
            String asPhpPrints = EdgeClient.phpString(Double.parseDouble(ts.text()));
            assertEquals(ts.text(), asPhpPrints, "seconds=" + seconds + " nanos=" + nanos);
            assertEquals(EdgeClient.sha256(asPhpPrints + "|partner"), ts.hash("partner"));
        }
    }

    @Test
    void atMostFourDecimalsWithoutTrailingZeros() {
        assertEquals("1478525194.6798", AnytimeTimestamp.of(Instant.ofEpochSecond(1478525194L, 679_812_345)).text());
        assertEquals("1478525194.5", AnytimeTimestamp.of(Instant.ofEpochSecond(1478525194L, 500_000_000)).text());
        assertEquals("1478525194", AnytimeTimestamp.of(Instant.ofEpochSecond(1478525194L, 99_999)).text());
        assertTrue(AnytimeTimestamp.of(Instant.now()).text().matches("\\d{10}(\\.\\d{0,3}[1-9])?"));
    }

    @Test
    void hashIsTheSpecExample() {
        // sha256('1472742723.9673|YourUserName') as the spec writes it
        assertEquals(EdgeClient.sha256("1472742723.9673|YourUserName"),
                new AnytimeTimestamp("1472742723.9673").hash("YourUserName"));
    }
}
