package io.anygate.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Anytime's asynchronous envelope around a webhook body, built at delivery time:
 * {@code {"request_id", "type_response":"async", "body", "timestamp", "hash"}} with
 * {@code hash = sha256(timestamp|api_username)} in lowercase hex, the check the Anytime SDK applies.
 */
public final class WebhookEnvelope {

    private WebhookEnvelope() {
    }

    /** The envelope bytes as sent. */
    public static byte[] build(long requestId, long epochSeconds, String apiUsername, String bodyJson) {
        return build(requestId, epochSeconds, apiUsername, null, bodyJson);
    }

    /**
     * The envelope bytes as sent, with {@code event_name} after {@code type_response} when {@code eventName} is not
     * null: the document shows it on {@code credit_transfer_processed} (a {@code card_last_tx} names its
     * {@code method} inside the body instead).
     */
    public static byte[] build(long requestId, long epochSeconds, String apiUsername, String eventName,
            String bodyJson) {
        String timestamp = Long.toString(epochSeconds);
        try {
            ObjectNode root = WebhookEvent.JSON.createObjectNode();
            root.put("request_id", requestId);
            root.put("type_response", "async");
            if (eventName != null) {
                root.put("event_name", eventName);
            }
            root.set("body", WebhookEvent.JSON.readTree(bodyJson));
            // A string, as in the documented example; the SDK hashes (string) timestamp either way.
            root.put("timestamp", timestamp);
            root.put("hash", hash(timestamp, apiUsername));
            return WebhookEvent.JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook payload is not JSON", e);
        }
    }

    /** sha256(timestamp|api_username), lowercase hex. */
    public static String hash(String timestamp, String apiUsername) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((timestamp + "|" + apiUsername)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
