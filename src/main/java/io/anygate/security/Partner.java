package io.anygate.security;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An API user of the Anytime surface as the partner registry knows it. Secrets are only held as bcrypt hashes.
 *
 * @param functionalities names the partner may call; empty means every functionality
 */
public record Partner(
        String partnerId,
        String clientId,
        String clientSecretHash,
        String username,
        String passwordHash,
        List<PartnerKey> keys,
        List<IpRange> allowedIps,
        Optional<String> webhookUrl,
        boolean allowPrivateWebhookTargets,
        PartnerLimits limits,
        Set<String> functionalities) {

    public boolean ipAllowed(InetAddress address) {
        for (IpRange range : allowedIps) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean functionalityAllowed(String functionality) {
        return functionalities.isEmpty() || functionalities.contains(functionality);
    }
}
