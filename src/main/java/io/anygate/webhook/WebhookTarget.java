package io.anygate.webhook;

/**
 * Where a partner's webhooks go.
 *
 * @param url the partner's webhook URL, or null when the partner registered none (in sandbox mode its webhooks then
 *            land in the sandbox inbox; otherwise they wait and are retried)
 * @param apiUsername the partner's Anytime api username: the envelope hash is sha256(timestamp|api_username)
 * @param allowPrivateTargets whether the URL may resolve to loopback, private, link-local or CGNAT addresses
 */
public record WebhookTarget(String url, String apiUsername, boolean allowPrivateTargets) {

    /** Whether a webhook URL is registered. */
    public boolean hasUrl() {
        return url != null && !url.isBlank();
    }
}
