package io.anygate.anytime.idempotency;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.IdempotencyKey;
import io.anygate.domain.operation.OperationKind;
import io.anygate.RequestTrace;
import io.anygate.security.CurrentPartner;
import io.anygate.tx.TxPing;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only versioned routes that count how often they really ran and how many TX calls they made, so that
 * tests can prove a duplicate never reached the handler. {@code /blocking} waits on a gate the test opens.
 */
@Path("/v1.0/test-idempotency")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
public class IdempotencyProbeResource {

    static final AtomicInteger RUNS = new AtomicInteger();
    static final AtomicInteger TX_CALLS = new AtomicInteger();
    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    static volatile CountDownLatch gate = new CountDownLatch(0);

    @Inject
    IdempotencyKey idempotencyKey;
    @Inject
    CurrentPartner partner;
    @Inject
    RequestTrace trace;
    @Inject
    TxPing txPing;

    static void reset() {
        RUNS.set(0);
        TX_CALLS.set(0);
        FAILURES_LEFT.set(0);
        gate = new CountDownLatch(0);
    }

    @POST
    @Path("/count")
    public Map<String, Object> count(@FormParam("amount") String amount) {
        return run(amount);
    }

    @PUT
    @Path("/count/{id}")
    public Map<String, Object> put(@PathParam("id") String id, @FormParam("amount") String amount) {
        return run(id + ":" + amount);
    }

    @POST
    @Path("/blocking")
    public Map<String, Object> blocking(@FormParam("amount") String amount) throws InterruptedException {
        int run = RUNS.incrementAndGet();
        // a safety bound only: the test opens the gate once every duplicate was answered; the TX call comes
        // after, so that it does not compete with the 49 duplicates for the shared test machine
        gate.await(60, TimeUnit.SECONDS);
        return answer(run, amount);
    }

    @POST
    @Path("/fail-once")
    public Map<String, Object> failOnce(@FormParam("amount") String amount) {
        Map<String, Object> answer = run(amount);
        if (FAILURES_LEFT.getAndDecrement() > 0) {
            throw new IllegalStateException("outcome unknown");
        }
        return answer;
    }

    @POST
    @Path("/timeout-once")
    public Map<String, Object> timeoutOnce(@FormParam("amount") String amount) {
        Map<String, Object> answer = run(amount);
        if (FAILURES_LEFT.getAndDecrement() > 0) {
            throw new AnytimeException(AnytimeError.BANKING_NETWORK_TIMEOUT, "Banking network timeout");
        }
        return answer;
    }

    @POST
    @Path("/declined")
    public Map<String, Object> declined(@FormParam("amount") String amount) {
        run(amount);
        throw new AnytimeException(AnytimeError.CARD_BALANCE_TOO_LOW, "Card balance too low");
    }

    private Map<String, Object> run(String amount) {
        return answer(RUNS.incrementAndGet(), amount);
    }

    private Map<String, Object> answer(int run, String amount) {
        txPing.ping();
        TX_CALLS.addAndGet(trace.txCalls());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("run", run);
        answer.put("partner", partner.partnerId());
        answer.put("amount", amount);
        answer.put("idempotency_key", idempotencyKey.value().orElse(null));
        answer.put("operation_id", idempotencyKey.operationId(partner.partnerId(), OperationKind.CARD_CREDIT,
                System.currentTimeMillis()).value());
        return answer;
    }
}
