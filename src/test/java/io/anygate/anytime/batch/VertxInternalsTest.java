package io.anygate.anytime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the dispatcher takes from the Vert.x internals; fails if an upgrade changes it. */
class VertxInternalsTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aNewEventLoopContextIsNeverTheCallersOwn() throws Exception {
        Context callers = vertx.getOrCreateContext();
        CompletableFuture<Context> made = new CompletableFuture<>();
        callers.runOnContext(v -> made.complete(VertxInternals.newEventLoopContext(vertx)));
        Context own = made.get(10, TimeUnit.SECONDS);

        assertNotSame(callers, own);
        assertTrue(own.isEventLoopContext());
        CompletableFuture<Context> current = new CompletableFuture<>();
        own.runOnContext(v -> current.complete(Vertx.currentContext()));
        assertSame(own, current.get(10, TimeUnit.SECONDS), "its tasks run on it");
    }

    @Test
    void aPromiseOnAContextCallsItsListenersThere() throws Exception {
        Context target = VertxInternals.newEventLoopContext(vertx);
        Context other = VertxInternals.newEventLoopContext(vertx);
        Promise<String> promise = VertxInternals.promiseOn(target);
        CompletableFuture<Context> listenedOn = new CompletableFuture<>();
        promise.future().onComplete(ar -> listenedOn.complete(Vertx.currentContext()));

        other.runOnContext(v -> promise.complete("done"));

        assertSame(target, listenedOn.get(10, TimeUnit.SECONDS));
        assertEquals("done", promise.future().result());
    }
}
