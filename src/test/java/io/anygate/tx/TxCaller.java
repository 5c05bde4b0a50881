package io.anygate.tx;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The two kinds of thread a TX read is started from: a plain thread (scheduled jobs) and a Vert.x worker, as a
 * partner's request is (its reads then run on the event loop: {@code TxWire.onEventLoop}). Tests of reads sent
 * together run each case from both.
 */
enum TxCaller {
    PLAIN_THREAD, REQUEST_WORKER;

    <T> T call(Vertx vertx, Callable<T> action) throws Exception {
        if (this == PLAIN_THREAD) {
            return action.call();
        }
        try {
            return vertx.executeBlocking(() -> {
                assertTrue(Vertx.currentContext() != null && io.vertx.core.Context.isOnWorkerThread(),
                        "runs on a Vert.x worker");
                return action.call();
            }, false).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** When the stub received the one GET of {@code path}, in ms. */
    static long received(WireMockServer tx, String path) {
        List<LoggedRequest> found = tx.findAll(getRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, found.size(), path + " requests");
        return found.get(0).getLoggedDate().getTime();
    }
}
