package io.anygate.tx;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** TX connectivity test. */
@RegisterRestClient(configKey = "tx-ping")
@RegisterProvider(TxBasicAuth.class)
@RegisterProvider(TxResponseMapper.class)
interface TxPingClient {

    /** {@code GET /}: 200 when TX is up and accepts our credentials. */
    @GET
    @Path("/")
    String ping();
}
