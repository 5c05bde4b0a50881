package io.anygate.anytime.cards;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.testsupport.SignedHttp;
import io.anygate.testsupport.TestPartner;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends card loads and unloads from several threads, in order of their index, and restarts the gateway in the
 * middle: operations below {@code restartAt} go to the first process; once they have all been sent, the restart
 * (kill, start again) runs on the calling thread while the first process's in-flight requests fail, and the
 * workers holding later operations wait for the new process. Every answer is recorded as the partner saw it.
 */
final class RestartLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OPERATION = Pattern.compile("\\(operation ([0-9A-Za-z]+)\\)");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** One planned load ({@code credit}) or unload, with an Idempotency-Key or none. */
    record Planned(int index, String cardRef, boolean credit, BigDecimal amount, String idempotencyKey) {
    }

    /** What the partner saw: an HTTP status and body, or {@code status} -1 and the transport error. */
    record Sent(Planned planned, boolean afterRestart, int status, String body, String error) {

        boolean approved() {
            return status == 200;
        }

        /**
         * No answer, 408 (outcome unknown, follows by webhook) or a 5xx other than "not done": the partner cannot tell
         * what happened.
         */
        boolean unknown() {
            return status < 0 || status == 408 || (status >= 500 && !notDone());
        }

        /** 500 5000010 "nothing was done": a definite outcome, nothing applied and nothing will be (docs/mapping.md). */
        boolean notDone() {
            return status == 500 && errorCode() == 5000010 && body != null && body.contains("nothing was done");
        }

        boolean declined() {
            return !approved() && !unknown();
        }

        long transactionId() {
            return json().path("body").path("transaction_id").asLong(-1);
        }

        int errorCode() {
            return json().path("body").path("error").path("code").asInt(-1);
        }

        /** The operation id a refusal names in its message ({@code "... (operation <id>)"}), or null. */
        String operationId() {
            Matcher m = OPERATION.matcher(json().path("body").path("error").path("message").asText(""));
            return m.find() ? m.group(1) : null;
        }

        private JsonNode json() {
            try {
                return body == null ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.nullNode();
            }
        }
    }

    /** Kills the running gateway and starts another on the same store; answers a client of the new one. */
    interface Restart {
        SignedHttp restart() throws Exception;
    }

    private final TestPartner partner;
    private final String token;
    private final int threads;

    RestartLoad(TestPartner partner, String token, int threads) {
        this.partner = partner;
        this.token = token;
        this.threads = threads;
    }

    List<Sent> run(List<Planned> plan, int restartAt, SignedHttp first, Restart restart) throws Exception {
        AtomicReferenceArray<Sent> sent = new AtomicReferenceArray<>(plan.size());
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<SignedHttp> second = new CompletableFuture<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                        boolean after = i >= restartAt;
                        sent.set(i, send(after ? second.get() : first, plan.get(i), after));
                    }
                    return null;
                }));
            }
            // the restart comes once the workers have taken the operations planned before it
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> next.get() >= restartAt);
            try {
                second.complete(restart.restart());
            } catch (Exception | AssertionError e) {
                second.completeExceptionally(e);
                throw e;
            }
            for (Future<?> w : workers) {
                w.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Sent> out = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            out.add(sent.get(i));
        }
        return out;
    }

    /** Sends one planned operation again, as a partner retries: same parameters, same Idempotency-Key. */
    Sent retry(SignedHttp gateway, Planned p) throws InterruptedException {
        return send(gateway, p, true);
    }

    private Sent send(SignedHttp gateway, Planned p, boolean afterRestart) throws InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", p.amount().toPlainString());
        form.put("acc_comment", "chaos " + p.index());
        form.put("card_comment", "chaos " + p.index());
        String path = "/v1.0/cards/" + p.cardRef() + "/" + (p.credit() ? "credit" : "debit");
        try {
            var r = gateway.post(path, partner, token, form, p.idempotencyKey(), REQUEST_TIMEOUT);
            return new Sent(p, afterRestart, r.statusCode(), r.body(), null);
        } catch (IOException e) {
            return new Sent(p, afterRestart, -1, null, e.toString());
        }
    }
}
