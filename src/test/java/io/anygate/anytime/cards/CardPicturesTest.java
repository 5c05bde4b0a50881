package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static io.anygate.anytime.cards.CardCalls.orderOk;
import static io.anygate.anytime.cards.CardCalls.virtualOrder;
import static io.anygate.testsupport.TestPartner.ALPHA;
import static io.anygate.testsupport.TestPartner.DELTA;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.testsupport.CardFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1.0/cards/{card_ref}/pan} of a multi use virtual card answers {@code front} and {@code back}, each a
 * base64 PNG of the ID-1 card drawn by the gateway (headless Java2D), read here as an image. The pictures are written
 * to {@code target/card-pictures/} for a person to look at. The card's PAN is read from TX to prove it appears in no
 * log line while the pictures are made.
 */
@QuarkusTest
class CardPicturesTest {

    static final int WIDTH = 640;
    static final int HEIGHT = 404;

    @Inject
    CardFixture accounts;

    @Test
    void multiUseCardAnswersItsPicturesAsPng() throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "java.awt.headless");
        CardFixture.Account business = accounts.account(ALPHA.partnerId(), true, new BigDecimal("100.00"));
        String ref = orderOk(ALPHA, virtualOrder(business.accountId(), "VIRTUAL_MULTI_USE", "10"));
        String pan = CardFixture.sim().queryParam("ref[id]", CardRef.parse(ref).orElseThrow().txCardId())
                .get("/tx/v1/card/pan").then().statusCode(200).extract().path("pan");
        assertNotNull(pan);

        Capture logs = Capture.install();
        JsonPath answer;
        try {
            answer = as(ALPHA).get("/v1.0/cards/" + ref + "/pan").then().statusCode(200)
                    .header("Cache-Control", "no-store")
                    .body("body.pan", equalTo("")).body("body.cvv", equalTo(""))
                    .extract().jsonPath();
        } finally {
            logs.uninstall();
        }
        assertTrue(answer.getString("body.expiry_date").matches("\\d{4}-\\d{2}-\\d{2}"));
        byte[] front = Base64.getDecoder().decode(answer.getString("body.front"));
        byte[] back = Base64.getDecoder().decode(answer.getString("body.back"));
        BufferedImage frontImage = png(front);
        BufferedImage backImage = png(back);
        assertEquals(WIDTH, frontImage.getWidth());
        assertEquals(HEIGHT, frontImage.getHeight());
        assertEquals(WIDTH, backImage.getWidth());
        assertEquals(HEIGHT, backImage.getHeight());
        assertTrue(colours(frontImage) > 16, "the front is drawn, not a blank");
        assertTrue(colours(backImage) > 16, "the back is drawn, not a blank");
        assertNotEquals(answer.getString("body.front"), answer.getString("body.back"));

        Path dir = Files.createDirectories(Path.of("target", "card-pictures"));
        Files.write(dir.resolve("sample-front.png"), front);
        Files.write(dir.resolve("sample-back.png"), back);

        for (String line : logs.lines()) {
            assertFalse(line.contains(pan), "a log line carries the PAN");
        }
    }

    @Test
    void picturesAreTheOwnersOnly() {
        CardFixture.Account business = accounts.account(ALPHA.partnerId(), true, new BigDecimal("100.00"));
        String ref = orderOk(ALPHA, virtualOrder(business.accountId(), "VIRTUAL_MULTI_USE", "10"));
        as(DELTA).get("/v1.0/cards/" + ref + "/pan").then().statusCode(403)
                .body("body.error.code", equalTo(4030310))
                .body("body.error.exception", equalTo("CardAccountNoRightsException"));
    }

    @Test
    void singleUseCardAnswersItsNumbersNotPictures() {
        CardFixture.Account business = accounts.account(ALPHA.partnerId(), true, new BigDecimal("100.00"));
        String ref = orderOk(ALPHA, virtualOrder(business.accountId(), "VIRTUAL_SINGLE_USE", "10"));
        as(ALPHA).get("/v1.0/cards/" + ref + "/pan").then().statusCode(200)
                .body("body.front", equalTo("")).body("body.back", equalTo(""));
    }

    private static BufferedImage png(byte[] bytes) throws Exception {
        assertEquals("\u0089PNG", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "a readable PNG");
        return image;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** Every log record of the JVM while installed, formatted as emitted. */
    static final class Capture extends Handler {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        static Capture install() {
            Capture c = new Capture();
            c.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(c);
            return c;
        }

        void uninstall() {
            Logger.getLogger("").removeHandler(this);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void publish(LogRecord r) {
            String msg = r.getMessage() == null ? "" : r.getMessage();
            lines.add(msg + " " + java.util.Arrays.toString(r.getParameters())
                    + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
