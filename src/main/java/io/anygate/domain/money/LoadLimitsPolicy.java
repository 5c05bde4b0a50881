package io.anygate.domain.money;

/** Where a partner's load limits come from (port: partner registry over configured defaults). */
public interface LoadLimitsPolicy {

    LoadLimits forPartner(String partnerId);
}
