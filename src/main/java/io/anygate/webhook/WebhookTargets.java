package io.anygate.webhook;

import java.util.Optional;

/**
 * The partner registry as the dispatcher sees it. {@link PartnerWebhookTargets} implements it over the
 * partner registry.
 */
public interface WebhookTargets {

    /** The webhook target of a partner, empty when the partner is unknown. */
    Optional<WebhookTarget> forPartner(String partnerId);

    /**
     * False until the partners are known (start-up: the scheduler may run a dispatcher pass before the partners file
     * is read). Until then every partner would look unknown, so nothing may be routed.
     */
    default boolean ready() {
        return true;
    }
}
