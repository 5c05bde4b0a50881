package io.anygate.anytime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.security.Functionality;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** {@code GET|POST /v1.0/apicheck}: proves that credentials, signature and token work. No store call of its own. */
@Path("/v1.0/apicheck")
@Functionality("apicheck")
@Produces(MediaType.APPLICATION_JSON)
public class ApiCheckResource {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** GET answer. */
    public record DateTimeBody(@JsonProperty("date_time") String dateTime) {
    }

    /** POST answer: echoes test_param. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TestParamBody(@JsonProperty("test_param") String testParam) {
    }

    @GET
    public DateTimeBody check() {
        return new DateTimeBody(ZonedDateTime.now(ZoneOffset.UTC).format(DATE_TIME));
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public TestParamBody checkPost(@FormParam("test_param") String testParam) {
        return new TestParamBody(testParam);
    }
}
