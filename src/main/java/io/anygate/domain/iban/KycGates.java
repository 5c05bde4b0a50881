package io.anygate.domain.iban;

/** Which partners need an accepted KYC before an account gets an IBAN (port; the partners file says). */
public interface KycGates {

    /** True when the partner's accounts need an accepted KYC to get an IBAN or a virtual IBAN. */
    boolean ibanNeedsKyc(String partnerId);
}
