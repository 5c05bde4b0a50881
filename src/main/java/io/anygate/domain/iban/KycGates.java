package io.anygate.domain.iban;

/** Which partners need an accepted KYC before an account gets an IBAN or sends a credit transfer (port; the partners file says). */
public interface KycGates {

    /** True when the partner's accounts need an accepted KYC to get an IBAN or a virtual IBAN. */
    boolean ibanNeedsKyc(String partnerId);

    /** True when the partner's accounts need an accepted KYC to send credit transfers (4510210). */
    boolean creditTransferNeedsKyc(String partnerId);
}
