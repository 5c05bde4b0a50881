package io.anygate.security;

import io.anygate.domain.iban.KycGates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The KYC gates of each partner, from the partners file ({@code kyc_gates}); read per call, so a reload applies. */
@ApplicationScoped
public class PartnerKycGates implements KycGates {

    @Inject
    PartnerRegistry registry;

    @Override
    public boolean ibanNeedsKyc(String partnerId) {
        return gate(partnerId, "iban");
    }

    @Override
    public boolean creditTransferNeedsKyc(String partnerId) {
        return gate(partnerId, "credit_transfer");
    }

    private boolean gate(String partnerId, String gate) {
        return registry.find(partnerId).map(p -> p.limits().kycGates().contains(gate)).orElse(false);
    }
}
