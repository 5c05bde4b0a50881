package io.anygate.security;

import io.anygate.domain.iban.KycGates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The KYC gates of each partner, from the partners file ({@code kyc_gates}; the sandbox partner's from
 * {@code gateway.kyc.sandbox.gates}); read per call, so a reload applies.
 */
@ApplicationScoped
public class PartnerKycGates implements KycGates {

    @Inject
    PartnerRegistry registry;

    @Override
    public boolean needsKyc(String partnerId, Gate gate) {
        return registry.find(partnerId).map(p -> p.limits().kycGates().contains(gate.setting())).orElse(false);
    }
}
