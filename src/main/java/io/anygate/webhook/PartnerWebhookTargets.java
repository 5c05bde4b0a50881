package io.anygate.webhook;

import io.anygate.GatewayConfig;
import io.anygate.security.PartnerRegistry;
import io.anygate.security.SandboxOnboarding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Webhook targets from the partner registry (partners file): URL, api username for the envelope hash, and whether
 * the URL may be private. In sandbox mode the provisioned sandbox partner has no URL, so its webhooks land in the
 * built-in inbox ({@code GET /sandbox/webhooks/inbox}); so do those of any partner registered without one.
 */
@ApplicationScoped
public class PartnerWebhookTargets implements WebhookTargets {

    @Inject
    PartnerRegistry registry;

    @Inject
    GatewayConfig gateway;

    @Override
    public Optional<WebhookTarget> forPartner(String partnerId) {
        return registry.find(partnerId).map(p -> {
            boolean inbox = gateway.sandbox() && SandboxOnboarding.PARTNER_ID.equals(p.partnerId());
            return new WebhookTarget(inbox ? null : p.webhookUrl().orElse(null), p.username(),
                    p.allowPrivateWebhookTargets());
        });
    }

    /** Once the registry has loaded the partners file (version 1 on). */
    @Override
    public boolean ready() {
        return registry.version() > 0;
    }
}
