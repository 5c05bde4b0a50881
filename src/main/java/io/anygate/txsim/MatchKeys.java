package io.anygate.txsim;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code tranRq.match.key} idempotency: a key is claimed atomically before its write runs, so two racing
 * requests with the same key apply once; the loser waits for the winner and gets the repeated key's answer (a 200
 * replay, or the "already processed" refusal, as {@link TxSimConfig#repeatedKey()} says). A key is only assigned on
 * approval: after a decline or a 4xx it is free again.
 */
final class MatchKeys {

    static final int MAX_LENGTH = 64;

    /** The refusal's code and description (docs/tx-contract.md). */
    static final String ALREADY_PROCESSED = "ALREADY_PROCESSED";
    static final String ALREADY_PROCESSED_TEXT = "the transaction was already processed";

    private final SimState state;
    private final TxSimConfig.RepeatedKey reading;
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    MatchKeys(SimState state, TxSimConfig.RepeatedKey reading) {
        this.state = state;
        this.reading = reading;
    }

    /** Runs {@code work} at most once per key (or always, without a key) inside the state's writer lock. */
    Reply run(String key, Supplier<Reply> work) {
        if (key == null) {
            return state.mutate(work);
        }
        if (key.length() > MAX_LENGTH) {
            throw TxSimException.badRequest("tranRq.match.key must be at most " + MAX_LENGTH + " characters");
        }
        while (true) {
            Reply replay = replay(key);
            if (replay != null) {
                return replay;
            }
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> other = inFlight.putIfAbsent(key, mine);
            if (other != null) {
                await(other);
                continue;
            }
            try {
                replay = replay(key);
                return replay != null ? replay : state.mutate(work);
            } finally {
                inFlight.remove(key);
                mine.complete(null);
            }
        }
    }

    private Reply replay(String key) {
        Long tranId = state.tranByKey.get(key);
        if (tranId == null) {
            return null;
        }
        if (reading == TxSimConfig.RepeatedKey.REFUSE) {
            // common-TranDeclineRs, the spec's one error body of a write, naming the transaction that holds the key.
            return new Reply(422, SimJson.object().put("tranId", tranId).put("result", SimTran.DECLINED)
                    .put("code", ALREADY_PROCESSED).put("description", ALREADY_PROCESSED_TEXT), true);
        }
        return new Reply(200, state.trans.get(tranId).answer, true);
    }

    private static void await(CompletableFuture<Void> other) {
        try {
            other.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a concurrent request with the same key", e);
        } catch (Exception e) {
            throw new IllegalStateException("concurrent request with the same key did not finish", e);
        }
    }

    /** The key of a write body ({@code tranRq.match.key}), or null. */
    static String of(com.fasterxml.jackson.databind.JsonNode body) {
        var tranRq = SimJson.optObject(body, "tranRq", "tranRq");
        var match = SimJson.optObject(tranRq, "match", "tranRq.match");
        return SimJson.optText(match, "key", "tranRq.match.key");
    }
}
