package io.anygate.anytime.accounts;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.ErrorBody;
import io.anygate.domain.account.AccountRefused;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A refused account operation as an Anytime error: not owned (or absent) 4030210, a bad parameter or a reused
 * Idempotency-Key 4000210, an opening the core refused for good 4000210, core unreachable 408 4080010 (retry with
 * the same Idempotency-Key), no such statement line 4040210, an IBAN the account has already 4000230, an IBAN whose
 * KYC gate is closed 4030220, a virtual IBAN before the IBAN 4030221.
 */
public class AccountRefusedMapper {

    /** The Anytime error of a refusal. */
    public static AnytimeException toAnytime(AccountRefused e) {
        AnytimeError error = switch (e.reason()) {
            case NOT_OWNED -> AnytimeError.ACCOUNT_ID_NO_RIGHTS;
            case INVALID_PARAMETER, OPENING_FAILED -> AnytimeError.ACCOUNT_INVALID_PARAMETER;
            case IDEMPOTENCY_KEY_REUSED -> AnytimeError.ACCOUNT_INVALID_PARAMETER;
            case CORE_UNAVAILABLE -> AnytimeError.BANKING_NETWORK_TIMEOUT;
            case STATEMENT_NOT_FOUND -> AnytimeError.ACCOUNT_STATEMENT_NOT_FOUND;
            case IBAN_ALREADY_EXISTS -> AnytimeError.ACCOUNT_IBAN_ALREADY_EXISTS;
            case IBAN_KYC_INCOMPLETE -> AnytimeError.ACCOUNT_IBAN_INCOMPLETE_KYC;
            case IBAN_NOT_CREATED -> AnytimeError.ACCOUNT_IBAN_NOT_CREATED;
            case NOT_ENOUGH_CREDIT -> AnytimeError.ACCOUNT_SRC_NOT_ENOUGH_CREDIT;
            case CREDIT_TRANSFER_KYC_REQUIRED -> AnytimeError.ACCOUNT_CREDIT_TRANSFER_KYC_UPLOAD_REQUIRED;
            case IDENTICAL_SRC_AND_DST -> AnytimeError.ACCOUNT_IDENTICAL_SRC_AND_DST;
            case CREDIT_TRANSFER_NOT_FOUND -> AnytimeError.ACCOUNT_CREDIT_TRANSFER_NOT_FOUND;
            case TESTIMONIAL_NOT_AVAILABLE -> AnytimeError.ACCOUNT_CREDIT_TRANSFER_TESTIMONIAL_NOT_FOUND;
        };
        String message = e.reason() == AccountRefused.Reason.IDEMPOTENCY_KEY_REUSED
                ? "Idempotency-Key: " + e.getMessage() : e.getMessage();
        return new AnytimeException(error, message);
    }

    @ServerExceptionMapper
    public Response toResponse(AccountRefused e) {
        AnytimeException a = toAnytime(e);
        return Response.status(a.error().httpStatus()).entity(ErrorBody.of(a.error(), a.getMessage())).build();
    }
}
