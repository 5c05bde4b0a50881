package io.anygate.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The one check in front of every operator endpoint ({@code /admin/...}): {@code Authorization: Bearer} with
 * {@code gateway.admin.token}, compared in constant time. No token configured means no admin access at all.
 */
@ApplicationScoped
public class AdminGuard {

    @Inject
    AdminConfig admin;

    /** Throws 401 unless the header carries the admin token. */
    public void authorize(String authorizationHeader) {
        String expected = admin.token().filter(t -> !t.isBlank()).orElse(null);
        String given = authorizationHeader != null && authorizationHeader.startsWith("Bearer ")
                ? authorizationHeader.substring(7).trim() : null;
        if (expected == null || given == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new WebApplicationException(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gateway-admin\"")
                    .type(MediaType.APPLICATION_JSON).entity(Map.of("error", "unauthorized")).build());
        }
    }
}
