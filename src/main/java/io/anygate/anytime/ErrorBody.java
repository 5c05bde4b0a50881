package io.anygate.anytime;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code body} of an error answer: {@code {"error": {"code", "message", "exception"}}}. */
public record ErrorBody(@JsonProperty("error") Detail error) {

    /** The error itself; message is always safe to show to the partner. */
    public record Detail(int code, String message, String exception) {
    }

    public static ErrorBody of(AnytimeError error, String message) {
        return new ErrorBody(new Detail(error.code(), message, error.exception()));
    }
}
