package io.anygate.security;

import io.anygate.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The API users, loaded from {@code gateway.security.partners-file} and, in sandbox mode, the provisioned sandbox
 * partner. Validated at start (a bad file stops the start with a message naming the entry); reloaded when the
 * file's modification time or content changes (a bad new file keeps the previous registry). RSA keys are parsed
 * once per load, never per request.
 */
@ApplicationScoped
public class PartnerRegistry {

    private static final Logger LOG = Logger.getLogger(PartnerRegistry.class);

    @Inject
    SecurityConfig config;
    @Inject
    GatewayConfig gateway;
    @Inject
    SandboxOnboarding sandbox;
    @Inject
    ReplayGuard replay;
    @Inject
    Clock clock;

    private volatile Snapshot snapshot = new Snapshot(0, Map.of(), Map.of(), null, null);
    private Partner sandboxPartner;

    record Snapshot(long version, Map<String, Partner> byId, Map<String, Partner> byClientId, Long mtime, String contentHash) {
    }

    void onStart(@Observes StartupEvent event) {
        if (gateway.sandbox()) {
            sandboxPartner = sandbox.partner();
        } else if (config.partnersFile().isEmpty()) {
            throw new IllegalStateException("gateway.security.partners-file is required in production mode");
        }
        load(true);
    }

    /** The partner with this id (username, webhook URL, whether private webhook targets are allowed, ...). */
    public Optional<Partner> find(String partnerId) {
        return Optional.ofNullable(snapshot.byId().get(partnerId));
    }

    /** The partner with this OAuth2 client_id. */
    public Optional<Partner> byClientId(String clientId) {
        return Optional.ofNullable(snapshot.byClientId().get(clientId));
    }

    /** Increases with every successful (re)load. */
    public long version() {
        return snapshot.version();
    }

    /** Polled: reloads when the partners file changed; keeps the current registry if the new file is bad. */
    @Scheduled(every = "${gateway.security.partners-reload-interval:10s}", delayed = "${gateway.security.partners-reload-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void reloadIfChanged() {
        try {
            load(false);
        } catch (RuntimeException e) {
            LOG.errorf("Partners file %s rejected, keeping the previous registry (version %d): %s",
                    config.partnersFile().orElse("-"), snapshot.version(), e.getMessage());
        }
    }

    private synchronized void load(boolean first) {
        List<Partner> partners = new ArrayList<>();
        Long mtime = null;
        String hash = null;
        if (!first && config.partnersFile().isEmpty()) {
            return; // the sandbox partner alone: nothing can change until a restart
        }
        if (config.partnersFile().isPresent()) {
            Path file = Path.of(config.partnersFile().get());
            byte[] content;
            try {
                mtime = Files.getLastModifiedTime(file).toMillis();
                if (!first && mtime.equals(snapshot.mtime())) {
                    return;
                }
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read partners file " + file + ": " + e.getMessage());
            }
            hash = RsaPublicKeys.fingerprint(content);
            if (!first && hash.equals(snapshot.contentHash())) {
                snapshot = new Snapshot(snapshot.version(), snapshot.byId(), snapshot.byClientId(), mtime, hash);
                return;
            }
            try {
                List<Partner> parsed = PartnersFile.parse(content);
                if (!gateway.sandbox()) {
                    PartnersFile.requireProductionCosts(parsed);
                }
                partners.addAll(parsed);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("partners file " + file + " is invalid: " + e.getMessage());
            }
        }
        if (sandboxPartner != null && partners.stream().noneMatch(p -> p.partnerId().equals(sandboxPartner.partnerId()))) {
            partners.add(sandboxPartner);
        }
        Map<String, Partner> byId = new HashMap<>();
        Map<String, Partner> byClient = new HashMap<>();
        for (Partner p : partners) {
            byId.put(p.partnerId(), p);
            byClient.put(p.clientId(), p);
        }
        Set<String> present = fingerprints(partners);
        Set<String> forgotten = replay.forgotten(present);
        if (!forgotten.isEmpty()) {
            // Its used validation data are gone: every value ever signed with it would be accepted again.
            throw new IllegalStateException("the partners file trusts key(s) " + forgotten + " removed more than "
                    + config.retiredKeyGrace() + " ago, whose used validation data were forgotten; such a key is"
                    + " never trusted again: give the partner a new key pair");
        }
        Set<String> removed = fingerprints(snapshot.byId().values());
        removed.removeAll(present);
        Snapshot previous = snapshot;
        snapshot = new Snapshot(previous.version() + 1, Map.copyOf(byId), Map.copyOf(byClient), mtime, hash);
        LOG.infof("Partner registry version %d: %d partner(s)", snapshot.version(), partners.size());
        // A removed key's used validation data stay until the grace period has passed (another replica may trust
        // it until its own reload; a removal may be rolled back); a key back within it is simply not retired.
        replay.reinstate(present);
        if (!removed.isEmpty()) {
            replay.retire(removed, clock.instant());
        }
    }

    private static Set<String> fingerprints(Iterable<Partner> partners) {
        Set<String> all = new HashSet<>();
        for (Partner p : partners) {
            p.keys().forEach(k -> all.add(k.fingerprint()));
        }
        return all;
    }
}
