package io.anygate.webhook;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Webhook targets from {@code gateway.webhook.targets.*}, used until a partner registry provides its own bean. */
@DefaultBean
@ApplicationScoped
public class ConfiguredWebhookTargets implements WebhookTargets {

    @Inject
    WebhookConfig config;

    @Override
    public Optional<WebhookTarget> forPartner(String partnerId) {
        WebhookConfig.Target t = config.targets().get(partnerId);
        if (t == null) {
            return Optional.empty();
        }
        return Optional.of(new WebhookTarget(t.url().orElse(null), t.apiUsername().orElse(partnerId),
                t.allowPrivateTargets()));
    }
}
