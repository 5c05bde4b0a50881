package io.anygate.webhook;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers over HTTP(S) with the Vert.x client: the URL is validated and resolved by {@link TargetPolicy}, the
 * connection goes to the checked address while the Host header and TLS server name (and certificate check) keep the
 * URL's host name; redirects are not followed; a 2xx answer is a delivery, anything else a failure. Blocking: call
 * it from a worker thread.
 */
public class HttpTransport implements WebhookTransport, AutoCloseable {

    private final HttpClient client;
    private final Context context;
    private final TargetPolicy policy;
    private final Duration readTimeout;
    private final Duration connectTimeout;

    public HttpTransport(Vertx vertx, TargetPolicy policy, Duration connectTimeout, Duration readTimeout) {
        this.policy = policy;
        this.readTimeout = readTimeout;
        this.connectTimeout = connectTimeout;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setVerifyHost(true)
                .setMaxPoolSize(8)
                .setKeepAlive(true));
        this.context = vertx.getOrCreateContext();
    }

    @Override
    public DeliveryResult send(Delivery d) {
        ResolvedTarget t;
        try {
            t = policy.resolve(d.url(), d.allowPrivateTargets());
        } catch (ForbiddenTargetException e) {
            return DeliveryResult.error("refused target: " + e.getMessage());
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(t.host())
                .setPort(t.port())
                .setSsl(t.https())
                .setURI(t.pathAndQuery())
                .setServer(SocketAddress.inetSocketAddress(t.port(), t.address().getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(readTimeout.toMillis());
        for (Map.Entry<String, String> h : d.headers().entrySet()) {
            options.putHeader(h.getKey(), h.getValue());
        }
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        // Everything runs on one context, and the end handler is set inside the response callback: a response
        // handled on another thread could end before its handlers are in place, and the call would never finish.
        context.runOnContext(v -> client.request(options).onComplete(ar -> {
            if (ar.failed()) {
                answer.completeExceptionally(ar.cause());
                return;
            }
            HttpClientRequest req = ar.result();
            req.response(rr -> {
                if (rr.failed()) {
                    answer.completeExceptionally(rr.cause());
                    return;
                }
                HttpClientResponse resp = rr.result();
                resp.exceptionHandler(answer::completeExceptionally);
                resp.handler(ignored -> { });
                resp.endHandler(end -> answer.complete(resp.statusCode()));
            });
            req.end(Buffer.buffer(d.body())).onFailure(answer::completeExceptionally);
        }));
        try {
            int status = answer.get(connectTimeout.plus(readTimeout).plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
            return DeliveryResult.answered(status);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return DeliveryResult.error(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (TimeoutException e) {
            return DeliveryResult.error("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.error("interrupted");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
