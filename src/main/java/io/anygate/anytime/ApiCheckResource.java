package io.anygate.anytime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.security.Functionality;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.anygate.domain.AnytimeDates;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** {@code GET|POST /v1.0/apicheck}: proves that credentials, signature and token work. No store call of its own. */
@Path("/v1.0/apicheck")
@Functionality("apicheck")
@Produces(MediaType.APPLICATION_JSON)
public class ApiCheckResource {

    @Inject
    Clock clock;

    /** GET answer. */
    public record DateTimeBody(@JsonProperty("date_time") String dateTime) {
    }

    /** POST answer: echoes test_param. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TestParamBody(@JsonProperty("test_param") String testParam) {
    }

    @GET
    public DateTimeBody check() {
        // Anytime's clock, Europe/Paris, as every date-time it answers (the SDK reads them all as Paris time).
        return new DateTimeBody(AnytimeDates.dateTime(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), ZoneOffset.UTC));
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public TestParamBody checkPost(@FormParam("test_param") String testParam) {
        return new TestParamBody(testParam);
    }
}
