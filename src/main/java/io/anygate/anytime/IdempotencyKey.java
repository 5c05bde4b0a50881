package io.anygate.anytime;

import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Optional;

/**
 * The partner's {@code Idempotency-Key} of the current versioned POST/PUT, once {@link IdempotencyFilter} has
 * validated and claimed it. Resources inject this bean and derive their operation id from it, so that the
 * operation (and its TX matchKeys) is the same on every replica and every retry:
 * {@code idempotencyKey.operationId(partner.partnerId(), OperationKind.X, clock.millis())}. Resources never
 * replay or refuse anything themselves: the filter answers duplicates before they run.
 */
@RequestScoped
public class IdempotencyKey {

    /** The request header partners send. */
    public static final String HEADER = "Idempotency-Key";
    /** Marks a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private volatile String value;
    private volatile String partnerId;
    private volatile String claimToken;
    private volatile ContainerResponseContext response;
    private volatile boolean settled;

    /** The key of this request, if the partner sent one (validated: 1-128 printable ASCII characters). */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /**
     * The operation this request performs: derived from the Idempotency-Key when there is one (same partner, kind
     * and key give the same id everywhere), a fresh one otherwise.
     */
    public OperationId operationId(String partnerId, OperationKind kind, long nowMillis) {
        String key = value;
        return key == null ? OperationId.generate(nowMillis) : OperationId.fromIdempotencyKey(partnerId, kind, key);
    }

    void claimed(String partnerId, String key, String token) {
        this.partnerId = partnerId;
        this.value = key;
        this.claimToken = token;
    }

    boolean owesAnswer() {
        return claimToken != null && !settled;
    }

    String partnerId() {
        return partnerId;
    }

    String claimToken() {
        return claimToken;
    }

    void response(ContainerResponseContext response) {
        this.response = response;
    }

    /** The final status of the answer (read once every response filter has run), or -1 if unknown. */
    int status() {
        ContainerResponseContext r = response;
        return r == null ? -1 : r.getStatus();
    }

    /**
     * True when the answer is marked {@code Cache-Control: no-store}: it must not be kept for replay (it carries card
     * secrets, or it is a multi-request answer with a sub-request whose outcome is unknown).
     */
    boolean noStore() {
        ContainerResponseContext r = response;
        String cacheControl = r == null ? null : r.getHeaderString(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-store");
    }

    void settled() {
        this.settled = true;
    }
}
