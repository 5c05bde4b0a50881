package io.anygate.txsim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The simulator's own JSON mapper: exact decimals (an amount keeps the scale it was sent with), ISO dates,
 * unknown properties ignored. Kept apart from the application's mapper so nothing outside can change it.
 */
final class SimJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private SimJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode parse(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            // the parser's message may quote the input (a PAN, a PIN block): never echo it
            throw TxSimException.badRequest(what + " is not valid JSON");
        }
    }

    /** The request body as an object; an empty body is an empty object when {@code required} is false. */
    static ObjectNode body(String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw TxSimException.badRequest("request body is required");
            }
            return object();
        }
        JsonNode node = parse(text, "request body");
        if (!node.isObject()) {
            throw TxSimException.badRequest("request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    static String time(LocalDateTime t) {
        return t == null ? null : TIME.format(t);
    }

    static LocalDateTime parseTime(String text, String field) {
        try {
            return LocalDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw TxSimException.badRequest(field + " must be an ISO local date-time like 2026-11-23T12:00:00");
        }
    }

    private static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /**
     * A time filter ({@code filter[begTime]}, {@code filter[endTime]}) in exactly the spec's format,
     * {@code 2020-10-21T14:15:00}: seconds always written, no fraction, no zone. Anything else is a 400.
     */
    static LocalDateTime parseFilterTime(String text, String field) {
        try {
            return LocalDateTime.parse(text, DATE_TIME);
        } catch (DateTimeParseException e) {
            throw TxSimException.badRequest(field + " must be a local date-time written as 2026-11-23T12:00:00");
        }
    }

    /** An optional object member; present but not an object is a 400 naming the field. */
    static ObjectNode optObject(JsonNode parent, String name, String path) {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw TxSimException.badRequest(path + " must be an object");
        }
        return (ObjectNode) n;
    }

    static ObjectNode reqObject(JsonNode parent, String name, String path) {
        ObjectNode n = optObject(parent, name, path);
        if (n == null) {
            throw TxSimException.badRequest(path + " is required");
        }
        return n;
    }

    static String optText(JsonNode parent, String name, String path) {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw TxSimException.badRequest(path + " must be a string");
        }
        String s = n.isBigInteger() || n.isIntegralNumber() ? n.bigIntegerValue().toString() : n.asText();
        return s.isBlank() ? null : s;
    }
}
