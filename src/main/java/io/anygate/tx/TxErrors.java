package io.anygate.tx;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The one place where TX answers and transport failures become typed errors: the response mapper calls
 * {@link #fromResponse}, {@link TxWire} calls {@link #fromFailure} for what never became an answer.
 */
final class TxErrors {

    private static final Logger LOG = Logger.getLogger(TxErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TxErrors() {
    }

    /** The typed error for a TX answer of status 4xx or 5xx, or null for a success. */
    static TxException fromResponse(int status, String body) {
        if (status < 400) {
            return null;
        }
        TranDeclineRs rs = parse(body);
        String code = rs == null ? null : rs.code();
        String description = rs == null ? null : rs.description();
        String detail = code == null ? "HTTP " + status : code + (description == null ? "" : ": " + description);
        if (status == 409 || status == 422 && isAlreadyProcessed(code, description)) {
            return new TxAlreadyProcessedException("TX: already processed (" + detail + ")");
        }
        if (status == 422) {
            return new TxDeclinedException(code == null ? "DECLINED" : code, description, rs == null ? null : rs.tranId());
        }
        if (status == 404) {
            return new TxNotFoundException("TX: not found (" + detail + ")");
        }
        if (status == 401 || status == 403) {
            // Our credentials are wrong: an operator must fix the configuration, so say it loudly.
            LOG.errorf("TX refused the gateway's credentials (HTTP %d): check gateway.tx.username/password", status);
            return new TxUnauthorizedException("TX: unauthorized (HTTP " + status + ")");
        }
        if (status >= 500) {
            return new TxUnavailableException("TX: server error (" + detail + ")", null);
        }
        return new TxInvalidRequestException("TX: bad request (" + detail + ")");
    }

    /** The typed error for a call that failed without a usable answer. */
    static TxException fromFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TxException tx) {
                return tx;
            }
            if (t instanceof WebApplicationException wae && wae.getResponse() != null) {
                Response r = wae.getResponse();
                TxException mapped = fromResponse(r.getStatus(), readQuietly(r));
                if (mapped != null) {
                    return mapped;
                }
            }
            String name = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            if (name.contains("timeout")) {
                return new TxTimeoutException("TX: no answer in time", failure);
            }
        }
        return new TxUnavailableException("TX: unreachable (" + failure.getClass().getSimpleName() + ")", failure);
    }

    private static boolean isAlreadyProcessed(String code, String description) {
        return "DUPLICATE".equalsIgnoreCase(code) || "ALREADY_PROCESSED".equalsIgnoreCase(code)
                || description != null && description.toLowerCase(Locale.ROOT).contains("already processed");
    }

    private static TranDeclineRs parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(body, TranDeclineRs.class);
        } catch (Exception e) {
            return null; // not JSON (a proxy's error page): the status alone decides
        }
    }

    private static String readQuietly(Response r) {
        try {
            return r.hasEntity() ? r.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
