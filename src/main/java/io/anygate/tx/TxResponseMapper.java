package io.anygate.tx;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Registered on every TX client: turns a TX error answer into its typed error via {@link TxErrors}. */
public class TxResponseMapper implements ResponseExceptionMapper<TxException> {

    @Override
    public TxException toThrowable(Response response) {
        String body = null;
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException e) {
            // unreadable body: the status alone decides
        }
        return TxErrors.fromResponse(response.getStatus(), body);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
