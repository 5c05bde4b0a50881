package io.anygate.anytime;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes a kept answer back exactly as it was first written (its signature header is set by the filter). */
@Provider
@Produces(MediaType.WILDCARD)
public class IdempotentAnswerWriter implements MessageBodyWriter<IdempotentAnswer> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == IdempotentAnswer.class;
    }

    @Override
    public void writeTo(IdempotentAnswer answer, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(answer.body());
    }
}
