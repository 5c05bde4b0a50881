package io.anygate.anytime;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The partner-facing OpenAPI document: served at /q/openapi, limited to the Anytime surface, and identical to the
 * checked-in docs/openapi.yaml. After changing a resource, regenerate the file with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true} and commit it.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path CHECKED_IN = Path.of("docs/openapi.yaml");

    private static String served() {
        return given().get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void checkedInDocumentIsWhatTheGatewayServes() throws Exception {
        String served = served();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CHECKED_IN, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(CHECKED_IN), CHECKED_IN + " is missing: run ./mvnw test -Dtest=OpenApiDocumentTest"
                + " -Dopenapi.update=true");
        assertEquals(Files.readString(CHECKED_IN, StandardCharsets.UTF_8), served, CHECKED_IN
                + " differs from /q/openapi: run ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true and"
                + " commit the file");
    }

    @Test
    void describesTheAnytimeSurfaceOnly() {
        String doc = served();
        assertTrue(doc.contains("/oauth/v2/token:"), doc);
        assertTrue(doc.contains("/v1.0/apicheck:"), doc);
        assertTrue(doc.contains("X-Validation-Data") && doc.contains("X-Signed-Request") && doc.contains("bearer"));
        assertTrue(doc.contains("ErrorEnvelope") && doc.contains("client_secret"), "envelope and form parameters");
        for (String hidden : new String[] {"/txsim", "/admin/", "/sandbox/", "/ops/", "/q/", "{any", "X-Forwarded-For"}) {
            assertFalse(doc.contains(hidden), hidden + " must not be in the partner document");
        }
    }
}
