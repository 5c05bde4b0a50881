package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Answers carrying card secrets. Their {@code toString} hides the value so that no log ever shows it. */
public final class SensitiveRs {

    private SensitiveRs() {
    }

    /** Answer of {@code GET /tx/v1/card/pan}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PanRs(String pan) {
        @Override
        public String toString() {
            return "PanRs[pan=***]";
        }
    }

    /** Answer of {@code GET /tx/v1/card/cvv2}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cvv2Rs(String cvv2) {
        @Override
        public String toString() {
            return "Cvv2Rs[cvv2=***]";
        }
    }

    /** Answer of {@code GET /tx/v1/card/pin}: the encrypted PIN block (base64). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PinRs(String pinBlock) {
        @Override
        public String toString() {
            return "PinRs[pinBlock=***]";
        }
    }
}
