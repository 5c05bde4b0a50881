package io.anygate.anytime;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.security.AccessTokens;
import io.anygate.security.ClientAddressResolver;
import io.anygate.security.EdgeAuthenticator;
import io.anygate.security.PasswordGrant;
import io.anygate.security.PasswordGrant.TokenRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;

/** {@code POST /oauth/v2/token}: the OAuth2 password grant, signed like every call (X-Validation-Data). */
@Path("/oauth/v2/token")
public class OAuthTokenResource {

    @Inject
    PasswordGrant grant;
    @Inject
    ClientAddressResolver addresses;

    /** The token answer's body. */
    public record TokenBody(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("refresh_token") String refreshToken) {
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.APPLICATION_JSON)
    public TokenBody token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret, @FormParam("username") String username,
            @FormParam("password") String password, @HeaderParam("X-Validation-Data") String validationData,
            @HeaderParam("X-Signed-Request") String signedRequest, @Context HttpServerRequest http) {
        // Every X-Forwarded-For line, as the edge filter reads them (a @HeaderParam would give the first line only).
        InetAddress client = addresses.resolve(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                http.headers().getAll("X-Forwarded-For")).orElseThrow(
                        () -> new AnytimeException(AnytimeError.IP_ADDRESS_NOT_ALLOWED, "Unknown client address"));
        AccessTokens.Issued issued = grant.grant(new TokenRequest(grantType, clientId, clientSecret, username, password),
                new EdgeAuthenticator.Credentials(null, validationData, signedRequest), client);
        return new TokenBody(issued.accessToken(), issued.expiresIn(), "bearer", issued.refreshToken());
    }
}
