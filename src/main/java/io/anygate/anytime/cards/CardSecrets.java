package io.anygate.anytime.cards;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The small answers of the PIN/PAN services. Their values are secrets: never log these records. */
public final class CardSecrets {

    private CardSecrets() {
    }

    /**
     * {@code GET /v1.0/cards/{card_ref}/pin}: {@code pin}, as the document answers it and the SDK reads it;
     * {@code pin_url} is always empty (kept because earlier answers carried it; TX has no picture of a PIN).
     */
    public record Pin(@JsonProperty("pin") String pin, @JsonProperty("pin_url") String pinUrl) {
        @Override
        public String toString() {
            return "Pin[***]";
        }
    }

    /** {@code GET /v1.0/cards/{card_ref}/pan}: pictures (multi use) or pan/cvv/expiry (single use). */
    public record Pan(
            @JsonProperty("front") String front,
            @JsonProperty("back") String back,
            @JsonProperty("expiry_date") String expiryDate,
            @JsonProperty("pan") String pan,
            @JsonProperty("cvv") String cvv) {
        @Override
        public String toString() {
            return "Pan[***]";
        }
    }

    /** {@code POST /v1.0/cards/{card_ref}/pin}: the PIN was texted to the cardholder. */
    public record PinSent(@JsonProperty("acc_id") long accId, @JsonProperty("card_ref") String cardRef) {
    }

    /** {@code POST /v1.0/cards/{card_ref}/pan}: the state of the sending. */
    public record PanSent(@JsonProperty("state") String state) {
        /** The message went to TX for delivery (docs/mapping.md: the document lists no values). */
        public static final String SENT = "sent";
    }

    /** {@code POST /v1.0/cards/{card_ref}/details-display}: the temporary link. */
    public record DetailsLink(@JsonProperty("temp_link") String tempLink) {
    }
}
