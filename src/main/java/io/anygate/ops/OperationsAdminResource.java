package io.anygate.ops;

import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.money.MoneyConfig;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.Reconciler;
import io.anygate.security.AdminGuard;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Operators' view of the operation journal, outside the partner surface, guarded by the same
 * {@code gateway.admin.token} as {@code /admin/webhooks}: stuck operations and "reconcile this one now".
 */
@Path("/admin/operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsAdminResource {

    @Inject
    AdminGuard guard;

    @Inject
    OperationJournal journal;

    @Inject
    Reconciler reconciler;

    @Inject
    MoneyConfig money;

    /** Unresolved operations (PENDING, UNKNOWN), oldest first; {@code state} narrows to one of them. */
    @GET
    public List<OperationView> unresolved(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("state") String state, @QueryParam("limit") @DefaultValue("100") int limit) {
        authorize(auth);
        OperationState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = OperationState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(Response.Status.BAD_REQUEST, "state must be PENDING or UNKNOWN");
            }
            if (wanted.terminal()) {
                throw error(Response.Status.BAD_REQUEST, "only unresolved states are listed: PENDING or UNKNOWN");
            }
        }
        OperationState filter = wanted;
        return journal.listUnresolved(Math.max(1, Math.min(limit, 1000))).stream()
                .filter(op -> filter == null || op.state() == filter).map(OperationView::of).toList();
    }

    /** Resolves one operation now (asks TX by matchKey, re-drives or fails it as the reconciler would). */
    @POST
    @Path("/{id}/reconcile")
    public OperationView reconcile(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("id") String id) {
        authorize(auth);
        OperationId operationId;
        try {
            operationId = new OperationId(id);
        } catch (IllegalArgumentException e) {
            throw error(Response.Status.NOT_FOUND, "no such operation");
        }
        return reconciler.resolveNow(operationId, money.reconciler().lease()).map(OperationView::of)
                .orElseThrow(() -> error(Response.Status.NOT_FOUND, "no such operation"));
    }

    /** One operation as operators see it (no partner parameters beyond amounts and ids). */
    public record OperationView(String id, String partner_id, String kind, String state, Long acc_id, Long card_id,
            BigDecimal amount, String currency, Long tx_tran_id, String decline_code, int attempts,
            Instant created_at, Instant updated_at, String match_key) {
        static OperationView of(Operation op) {
            return new OperationView(op.id().value(), op.partnerId(), op.kind().name(), op.state().name(),
                    op.accountId(), op.cardId(), op.amount(), op.currency(), op.txTranId(), op.declineCode(),
                    op.attempts(), op.createdAt(), op.updatedAt(),
                    op.kind().movesMoney() ? op.matchKey("transfer").value() : null);
        }
    }

    private void authorize(String header) {
        guard.authorize(header);
    }

    private static WebApplicationException error(Response.Status status, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build());
    }
}
