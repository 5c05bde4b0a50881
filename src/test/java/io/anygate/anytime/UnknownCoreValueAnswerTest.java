package io.anygate.anytime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.domain.UnknownCoreValue;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** A TX value outside the translation tables reaches the partner as 5000010, with nothing of the value. */
class UnknownCoreValueAnswerTest {

    @Test
    void answeredAsUnknownExceptionWithTheGenericMessage() {
        Response r = new UnexpectedExceptionMapper().toResponse(UnknownCoreValue.of("card status", "Frozen"));
        assertEquals(500, r.getStatus());
        ErrorBody body = (ErrorBody) r.getEntity();
        assertEquals(5000010, body.error().code());
        assertEquals(UnexpectedExceptionMapper.MESSAGE, body.error().message());
        assertEquals("UnknownException", body.error().exception());
    }
}
