package io.anygate.domain.account;

/**
 * An account as the gateway knows it locally: its owner and its TX objects.
 *
 * @param accountId the Anytime acc_id: the TX id of the account contract
 * @param type {@code consumer} or {@code business}
 * @param holderSubjectId the TX Person (the cardholder)
 * @param companySubjectId the TX Corporation of a business account, else null
 */
public record OwnedAccount(long accountId, String partnerId, String type, String currency, long holderSubjectId,
        Long companySubjectId) {

    public boolean business() {
        return "business".equals(type);
    }
}
