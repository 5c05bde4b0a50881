package io.anygate.anytime;

import io.anygate.security.GatewaySigner;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Writes the envelope around the already serialized body, the timestamp as the exact text that was hashed, and
 * signs the exact bytes with the gateway's Ed25519 key ({@code X-Gateway-Signature}). The bytes are then handed
 * to {@link IdempotentAnswers}, which keeps them when the request claimed an Idempotency-Key.
 */
@Provider
@Produces(MediaType.WILDCARD)
public class EnvelopeWriter implements MessageBodyWriter<Envelope> {

    @Inject
    GatewaySigner signer;
    @Inject
    IdempotentAnswers idempotentAnswers;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Envelope.class;
    }

    @Override
    public void writeTo(Envelope envelope, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        byte[] bytes = bytes(envelope);
        String signature = signer.sign(bytes);
        headers.putSingle(GatewaySigner.HEADER, signature);
        try {
            out.write(bytes);
        } finally {
            // even if the caller is gone: the operation happened, its retry must get this answer
            Object contentType = headers.getFirst("Content-Type");
            idempotentAnswers.written(bytes, signature, contentType != null ? contentType.toString()
                    : mediaType.toString());
        }
    }

    static byte[] bytes(Envelope envelope) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(envelope.body().length + 200);
        String head = "{\"request_id\":" + envelope.requestId() + ",\"type_response\":\"sync\",\"timestamp\":"
                + envelope.timestamp().text() + ",\"hash\":\"" + envelope.hash() + "\",\"body\":";
        buffer.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        buffer.writeBytes(envelope.body());
        buffer.write('}');
        return buffer.toByteArray();
    }
}
