package io.anygate.anytime;

/**
 * The Anytime answer around every body: {@code request_id}, {@code type_response} "sync", {@code timestamp},
 * {@code hash} = sha256(timestamp|username) and {@code body} (already serialized, exactly once). Built by
 * {@link EnvelopeResponseFilter}; written and signed by {@link EnvelopeWriter}. Resources return only the body.
 */
public record Envelope(long requestId, AnytimeTimestamp timestamp, String hash, byte[] body) {
}
