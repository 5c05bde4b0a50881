package io.anygate.anytime.cards;

import io.anygate.domain.card.CardSecretValues;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The HTML of the card-details page: the details, "no longer valid", or "try again". No script, no image, no
 * third-party asset; the one style block is allowed by its hash in the Content-Security-Policy. Never cached,
 * never sent as a Referer, never framed.
 */
final class CardDetailsPage {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;"
            + "padding:0 1rem;color:#111;background:#fff;line-height:1.5}"
            + "dl{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1rem}"
            + "dt{font-weight:600}dd{margin:0;font-family:ui-monospace,monospace;font-size:1.25rem}";
    static final String CSP = "default-src 'none'; style-src '" + sha256(STYLE) + "'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    private CardDetailsPage() {
    }

    static Response details(CardSecretValues s) {
        String expiry = s.expiry() == null ? "" : String.format("%02d/%02d", s.expiry().getMonthValue(),
                s.expiry().getYear() % 100);
        String body = "<h1>Your card details</h1>\n"
                + "<p>Keep them to yourself. This page cannot be opened again: close it when you are done.</p>\n"
                + "<dl>\n"
                + "<dt>Card number</dt><dd id=\"pan\">" + escape(grouped(s.pan())) + "</dd>\n"
                + "<dt>Expiry date</dt><dd id=\"expiry\">" + escape(expiry) + "</dd>\n"
                + "<dt>Security code (CVV)</dt><dd id=\"cvv\">" + escape(s.cvv2()) + "</dd>\n"
                + "</dl>\n";
        return page(200, "Your card details", body);
    }

    static Response notValid() {
        String body = "<h1>This link is no longer valid</h1>\n"
                + "<p id=\"refusal\">A card details link can be opened only once, for a few minutes, and only from"
                + " the device it was made for. It has been used already, has expired, or was made for another"
                + " device.</p>\n"
                + "<p>Ask for a new link to see your card details.</p>\n";
        return page(410, "Link no longer valid", body);
    }

    static Response unavailable() {
        String body = "<h1>Your card details cannot be shown right now</h1>\n"
                + "<p>Please try again in a moment; the link stays valid for a few minutes.</p>\n";
        return page(503, "Please try again", body);
    }

    static Response headOnly() {
        return secured(Response.ok()).type("text/html; charset=utf-8").build();
    }

    private static Response page(int status, String title, String main) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
                + "<title>" + escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + main + "</main>\n</body>\n</html>\n";
        return secured(Response.status(status)).type("text/html; charset=utf-8")
                .entity(html.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static Response.ResponseBuilder secured(Response.ResponseBuilder r) {
        return r.header("Content-Security-Policy", CSP)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                .header("Cross-Origin-Resource-Policy", "same-origin");
    }

    // four digits per group, as printed on a card
    private static String grouped(String pan) {
        if (pan == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pan.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(pan.charAt(i));
        }
        return out.toString();
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
