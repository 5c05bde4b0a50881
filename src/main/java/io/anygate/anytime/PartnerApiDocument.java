package io.anygate.anytime;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Makes the generated OpenAPI document the partner-facing one (served at {@code /q/openapi}, checked in as
 * docs/openapi.yaml): keeps only the Anytime surface ({@code /v...}, {@code /oauth/...}) and the gateway's signing
 * key, wraps every answer in the envelope, lists the Anytime errors a call can answer and its security headers.
 * Resources keep returning plain bodies: the envelope is added by a filter, so the document adds it here too.
 */
public class PartnerApiDocument implements OASFilter {

    private static final String ENVELOPE = "#/components/schemas/Envelope";
    private static final String ERROR_ENVELOPE = "#/components/schemas/ErrorEnvelope";

    /** Errors every signed call may answer, by HTTP status. */
    private static final Map<String, String> SIGNED_CALL_ERRORS = Map.of(
            "401", "Authentication refused: 4010010-4010080 (credentials, token, IP, signature, reused validation data)",
            "404", "4040010 InvalidRouteException",
            "429", "Rate limit reached: 4290010 per IP, 4290020 per functionality, 4290030 per API user",
            "500", "5000010 UnknownException (no detail is disclosed)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> kept = new TreeMap<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v") || path.startsWith("/oauth/")) {
                item.getOperations().values().forEach(op -> partnerCall(op, path.startsWith("/v")));
                kept.put(path, item);
            } else if (path.startsWith("/.well-known/")) {
                kept.put(path, item);
            }
        });
        openAPI.getPaths().setPathItems(kept);
        if (openAPI.getTags() != null) {
            openAPI.setTags(null);
        }
    }

    private static void partnerCall(Operation op, boolean versioned) {
        if (op.getParameters() != null) {
            // set by proxies in front of the gateway, not by partners
            op.setParameters(op.getParameters().stream().filter(p -> !"X-Forwarded-For".equalsIgnoreCase(p.getName())
                    && !"X-Validation-Data".equalsIgnoreCase(p.getName())
                    && !"X-Signed-Request".equalsIgnoreCase(p.getName())).toList());
        }
        SecurityRequirement security = OASFactory.createSecurityRequirement()
                .addScheme("validationData").addScheme("signedRequest");
        if (versioned) {
            security.addScheme("bearer");
        }
        op.setSecurity(List.of(security));
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        Map<String, APIResponse> enveloped = new TreeMap<>();
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    enveloped.put(status, envelope(response));
                }
            });
        }
        enveloped.put("400", error("Invalid parameter (Anytime 400xxxx code naming the parameter)"));
        SIGNED_CALL_ERRORS.forEach((status, description) -> enveloped.put(status, error(description)));
        if (versioned) {
            enveloped.put("403", error("Not allowed: 4030030 functionality not allowed, or a resource of another partner"));
        }
        APIResponses out = OASFactory.createAPIResponses();
        enveloped.forEach(out::addAPIResponse);
        op.setResponses(out);
    }

    private static APIResponse envelope(APIResponse response) {
        Schema body = null;
        if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
            MediaType json = response.getContent().getMediaTypes().get("application/json");
            body = json == null ? null : json.getSchema();
        }
        Schema wrapped = OASFactory.createSchema().addAllOf(OASFactory.createSchema().ref(ENVELOPE));
        if (body != null) {
            wrapped.addAllOf(OASFactory.createSchema().addProperty("body", body));
        }
        return OASFactory.createAPIResponse()
                .description(response.getDescription() == null ? "OK" : response.getDescription())
                .content(json(wrapped));
    }

    private static APIResponse error(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(json(OASFactory.createSchema().ref(ERROR_ENVELOPE)));
    }

    private static Content json(Schema schema) {
        return OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(schema));
    }
}
