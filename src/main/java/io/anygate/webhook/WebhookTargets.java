package io.anygate.webhook;

import java.util.Optional;

/**
 * The partner registry as the dispatcher sees it. The gateway's partner registry implements it; a default bean reads
 * {@code gateway.webhook.targets.<partner-id>.*} from configuration.
 */
public interface WebhookTargets {

    /** The webhook target of a partner, empty when the partner is unknown. */
    Optional<WebhookTarget> forPartner(String partnerId);
}
