package io.anygate.domain.iban;

/** Whether an account's KYC is accepted (port). */
public interface AccountKyc {

    boolean accepted(long accountId);
}
