package io.anygate.anytime.cards;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws the front and back of a card as PNG pictures, the answer of {@code GET /v1.0/cards/{card_ref}/pan} for a
 * multi use virtual card: the front shows the brand, the PAN in full (this route is how the holder reads it), the
 * expiry (MM/YY) and the name on the card; the back the CVV beside the signature panel. Drawn with Java2D, headless,
 * with a font shipped in the jar (the picture does not depend on the fonts of the host). The backgrounds are drawn
 * once; a request only writes the text and encodes the PNG. The pictures carry card secrets: never log or keep them.
 */
@ApplicationScoped
public class CardPictures {

    static {
        // No display, ever: also set by GatewayMain for the packaged jar, before anything touches AWT.
        System.setProperty("java.awt.headless", "true");
    }

    /** ID-1 card format, 85.60 × 53.98 mm. */
    static final double CARD_RATIO = 53.98 / 85.60;
    private static final String FONT = "/card-pictures/DejaVuSansMono-Bold.ttf";

    @Inject
    CardPictureConfig config;

    private volatile Template template;

    /** The front and back of a card, each a base64 PNG. */
    public record Pictures(String front, String back) {
        @Override
        public String toString() {
            return "Pictures[***]";
        }
    }

    // A template that cannot be read stops the start, instead of failing the route later.
    void checkTemplates(@Observes StartupEvent start) {
        if (config.frontTemplate().isPresent() || config.backTemplate().isPresent()) {
            template();
        }
    }

    /** The pictures of a card: {@code pan} in full, {@code expiry}, {@code name} as embossed, {@code cvv}. */
    public Pictures draw(String pan, LocalDate expiry, String name, String cvv) {
        Template t = template();
        return new Pictures(png(front(t, pan, expiry, name)), png(back(t, cvv)));
    }

    private BufferedImage front(Template t, String pan, LocalDate expiry, String name) {
        BufferedImage img = copy(t.front());
        Graphics2D g = graphics(img, t);
        int w = img.getWidth();
        int h = img.getHeight();
        g.setFont(t.font().deriveFont(h * 0.10f));
        g.drawString(t.brand(), (int) (w * 0.07), (int) (h * 0.18));
        g.setFont(t.font().deriveFont(h * 0.095f));
        g.drawString(groups(pan), (int) (w * 0.07), (int) (h * 0.64));
        g.setFont(t.font().deriveFont(h * 0.04f));
        g.drawString("VALID THRU", (int) (w * 0.45), (int) (h * 0.74));
        g.setFont(t.font().deriveFont(h * 0.07f));
        g.drawString(expiry == null ? "--/--" : String.format("%02d/%02d", expiry.getMonthValue(),
                expiry.getYear() % 100), (int) (w * 0.45), (int) (h * 0.81));
        g.setFont(t.font().deriveFont(h * 0.065f));
        g.drawString(name == null ? "" : name.toUpperCase(java.util.Locale.ROOT), (int) (w * 0.07), (int) (h * 0.92));
        g.dispose();
        return img;
    }

    private BufferedImage back(Template t, String cvv) {
        BufferedImage img = copy(t.back());
        Graphics2D g = graphics(img, t);
        int w = img.getWidth();
        int h = img.getHeight();
        g.setColor(Color.WHITE);
        g.fillRect((int) (w * 0.70), (int) (h * 0.42), (int) (w * 0.20), (int) (h * 0.14));
        g.setColor(Color.BLACK);
        g.setFont(t.font().deriveFont(h * 0.08f));
        g.drawString(cvv == null ? "" : cvv, (int) (w * 0.735), (int) (h * 0.525));
        g.setColor(t.foreground());
        g.setFont(t.font().deriveFont(h * 0.04f));
        g.drawString("CVV", (int) (w * 0.70), (int) (h * 0.64));
        g.dispose();
        return img;
    }

    /** The PAN in groups of four, as printed on cards. */
    static String groups(String pan) {
        if (pan == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pan.length(); i += 4) {
            out.append(i == 0 ? "" : " ").append(pan, i, Math.min(pan.length(), i + 4));
        }
        return out.toString();
    }

    private static Graphics2D graphics(BufferedImage img, Template t) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(t.foreground());
        return g;
    }

    private static String png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private Template template() {
        Template t = template;
        if (t == null) {
            synchronized (this) {
                t = template;
                if (t == null) {
                    t = Template.of(config);
                    template = t;
                }
            }
        }
        return t;
    }

    /** The parts of the pictures every card shares, drawn once. */
    record Template(BufferedImage front, BufferedImage back, Font font, Color foreground, String brand) {

        static Template of(CardPictureConfig c) {
            if (c.width() < 160 || c.width() > 2000) {
                throw new IllegalStateException("gateway.card-pictures.width: between 160 and 2000 pixels");
            }
            int w = c.width();
            int h = (int) Math.round(w * CARD_RATIO);
            Color bg = colour(c.background(), "gateway.card-pictures.background");
            Color fg = colour(c.foreground(), "gateway.card-pictures.foreground");
            BufferedImage front = background(c.frontTemplate(), "gateway.card-pictures.front-template", w, h, bg);
            Graphics2D g = front.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            // the chip
            g.setColor(new Color(0xD4, 0xAF, 0x37));
            g.fillRoundRect((int) (w * 0.08), (int) (h * 0.30), (int) (w * 0.12), (int) (h * 0.16), w / 50, w / 50);
            g.setColor(new Color(0x8C, 0x6E, 0x1A));
            g.setStroke(new BasicStroke(Math.max(1f, w / 400f)));
            g.drawRoundRect((int) (w * 0.08), (int) (h * 0.30), (int) (w * 0.12), (int) (h * 0.16), w / 50, w / 50);
            g.dispose();
            BufferedImage back = background(c.backTemplate(), "gateway.card-pictures.back-template", w, h, bg);
            g = back.createGraphics();
            // the magnetic stripe and the signature panel
            g.setColor(Color.BLACK);
            g.fillRect(0, (int) (h * 0.10), w, (int) (h * 0.19));
            g.setColor(new Color(0xEE, 0xEE, 0xE6));
            g.fillRect((int) (w * 0.07), (int) (h * 0.42), (int) (w * 0.63), (int) (h * 0.14));
            g.dispose();
            return new Template(front, back, loadFont(), fg, c.brand());
        }

        private static BufferedImage background(Optional<String> file, String key, int w, int h, Color bg) {
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            if (file.isPresent()) {
                BufferedImage image;
                try {
                    image = ImageIO.read(Files.newInputStream(Path.of(file.get())));
                } catch (IOException e) {
                    throw new IllegalStateException(key + ": cannot read " + file.get() + ": " + e.getMessage(), e);
                }
                if (image == null) {
                    throw new IllegalStateException(key + ": " + file.get() + " is not a PNG or JPEG image");
                }
                g.drawImage(image, 0, 0, w, h, null);
            } else {
                g.setPaint(new GradientPaint(0, 0, bg.brighter(), w, h, bg.darker()));
                g.fillRect(0, 0, w, h);
            }
            g.dispose();
            return out;
        }

        private static Color colour(String hex, String key) {
            if (hex == null || !hex.matches("#[0-9A-Fa-f]{6}")) {
                throw new IllegalStateException(key + ": a colour as #RRGGBB");
            }
            return new Color(Integer.parseInt(hex.substring(1), 16));
        }

        private static Font loadFont() {
            try (InputStream in = CardPictures.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the jar: " + FONT);
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("font " + FONT + " unreadable", e);
            }
        }
    }
}
