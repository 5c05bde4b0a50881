package io.anygate.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A circuit per endpoint URL, kept in {@code webhook_endpoint} so that every replica sees it: after
 * {@code threshold} consecutive failed deliveries the endpoint is paused; when the pause is over exactly one replica
 * wins the right to send one probe delivery, whose outcome closes the circuit or pauses it again.
 */
public class EndpointCircuit {

    private final EndpointRepository endpoints;
    private final int threshold;
    private final Duration pause;

    public EndpointCircuit(EndpointRepository endpoints, int threshold, Duration pause) {
        this.endpoints = endpoints;
        this.threshold = threshold;
        this.pause = pause;
    }

    /** What a dispatcher may do with an endpoint now. */
    public sealed interface Gate permits Open, Probe, Paused {
    }

    /** Deliver normally. */
    public record Open() implements Gate {
    }

    /** Deliver one probe; this replica holds the probe until {@code leaseUntil}. */
    public record Probe() implements Gate {
    }

    /** Do not deliver before {@code until}. */
    public record Paused(Instant until) implements Gate {
    }

    /** Enters the endpoint's circuit. */
    public Gate enter(String url, String owner, Instant now, Instant leaseUntil) {
        endpoints.register(url, now);
        Optional<EndpointRepository.EndpointState> state = find(url);
        if (state.isEmpty() || state.get().pausedUntil() == null) {
            return new Open();
        }
        if (endpoints.takeProbe(url, owner, now, leaseUntil)) {
            return new Probe();
        }
        EndpointRepository.EndpointState s = find(url).orElseThrow();
        Instant until = s.pausedUntil() == null ? now : s.pausedUntil();
        if (s.probeLeaseUntil() != null && s.probeLeaseUntil().isAfter(until)) {
            until = s.probeLeaseUntil();
        }
        return until.isAfter(now) ? new Paused(until) : new Paused(now.plusSeconds(1));
    }

    /** A delivery succeeded: the circuit closes. */
    public void succeeded(String url, Instant now) {
        endpoints.close(url, now);
    }

    /** A delivery failed; true when the endpoint is now paused. */
    public boolean failed(String url, String error, Instant now) {
        endpoints.fail(url, threshold, now.plus(pause), error, now);
        return find(url).map(s -> s.pausedUntil() != null).orElse(false);
    }

    /** Gives the probe back without an outcome (the event could not be claimed). */
    public void releaseProbe(String url, String owner) {
        endpoints.releaseProbe(url, owner);
    }

    /** Operator action: closes the circuit; false when no endpoint has that id. */
    public Optional<String> resume(long id, Instant now) {
        Optional<String> url = endpoints.find(id).map(EndpointRepository.EndpointState::url);
        url.ifPresent(u -> succeeded(u, now));
        return url;
    }

    /** Endpoints currently paused (or probing). */
    public List<EndpointRepository.EndpointState> paused() {
        return endpoints.paused();
    }

    /** One endpoint's state. */
    public Optional<EndpointRepository.EndpointState> find(String url) {
        return endpoints.find(url);
    }
}
