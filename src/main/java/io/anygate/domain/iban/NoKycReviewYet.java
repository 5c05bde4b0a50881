package io.anygate.domain.iban;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The KYC status while the gateway reviews no KYC documents: no account's KYC is accepted, so a partner whose IBAN
 * KYC gate is on gets 4030220 for every account. The KYC review replaces this bean with its own {@link AccountKyc}.
 */
@ApplicationScoped
@DefaultBean
public class NoKycReviewYet implements AccountKyc {

    @Override
    public boolean accepted(long accountId) {
        return false;
    }
}
