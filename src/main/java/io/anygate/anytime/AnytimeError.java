package io.anygate.anytime;

/**
 * Every error code of the Anytime partner API ("HTTP status codes" section of the Anytime document), with the
 * HTTP status it is answered with and the exception name integrators match on ({@code body.error.exception}).
 * A last, clearly marked section holds the gateway's own extensions (codes the Anytime document does not define).
 */
public enum AnytimeError {
    BAD_VERSION_FORMAT(400, 4000010, "BadVersionFormatException"),
    VERSION_NOT_SUPPORTED(400, 4000011, "VersionNotSupportedException"),
    DATE_START_GREATER_THAN_DATE_END(400, 4000050, "DateStartGreaterThanDateEndFilterException"),
    ACCOUNT_INVALID_PARAMETER(400, 4000210, "AccountInvalidParameterException"),
    ACCOUNT_IDENTICAL_SRC_AND_DST(400, 4000220, "AccountIdenticalSrcAndDstAccountIdException"),
    ACCOUNT_IBAN_ALREADY_EXISTS(400, 4000230, "AccountIbanAlreadyExistsException"),
    CARD_INVALID_PARAMETER(400, 4000310, "CardInvalidParameterException"),

    OAUTH2_ACCESS_DENIED(401, 4010010, "OAuth2AccessDeniedException"),
    OAUTH2_INVALID_REQUEST(401, 4010020, "OAuth2InvalidRequestException"),
    OAUTH2_INVALID_CLIENT(401, 4010030, "OAuth2InvalidClientException"),
    OAUTH2_INVALID_GRANT(401, 4010040, "OAuth2InvalidGrantException"),
    OAUTH2_INVALID_TOKEN(401, 4010050, "OAuth2InvalidTokenException"),
    IP_ADDRESS_NOT_ALLOWED(401, 4010060, "IpAddressNotAllowedException"),
    BAD_RSA_SIGNATURE(401, 4010070, "BadRsaSignatureException"),
    VALIDATION_DATA_ALREADY_USED(401, 4010080, "ValidationDataAlreadyUsedException"),

    ACCOUNT_SRC_NOT_ENOUGH_CREDIT(402, 4020210, "AccountSrcNotEnoughCreditException"),
    ACCOUNT_BALANCE_TOO_LOW(402, 4020220, "AccountBalanceTooLowException"),
    CARD_BALANCE_TOO_LOW(402, 4020320, "CardBalanceTooLowException"),
    CARD_BALANCE_TOO_HIGH(402, 4020321, "CardBalanceTooHighException"),

    SUB_ENVIRONMENT_ACCESS_DENIED(403, 4030020, "SubEnvironmentAccessDeniedException"),
    FUNCTIONALITY_NOT_ALLOWED(403, 4030030, "FunctionalityNotAllowedException"),
    ACCOUNT_ID_NO_RIGHTS(403, 4030210, "AccountIdNoRightsException"),
    ACCOUNT_ID_PARTNER_NO_RIGHTS(403, 4030211, "AccountIdPartnerNoRightsException"),
    ACCOUNT_BAD_TYPE(403, 4030212, "AccountBadTypeException"),
    ACCOUNT_IBAN_INCOMPLETE_KYC(403, 4030220, "AccountIbanIncompleteKYCException"),
    ACCOUNT_IBAN_NOT_CREATED(403, 4030221, "AccountIbanNotCreatedException"),
    CARD_ACCOUNT_NO_RIGHTS(403, 4030310, "CardAccountNoRightsException"),
    CARD_NOT_ACTIVATED(403, 4030320, "CardNotActivatedException"),
    CARD_LOAD_AMOUNT_TOO_LOW(403, 4030330, "CardLoadAmountTooLowException"),
    CARD_LOAD_AMOUNT_TOO_HIGH(403, 4030331, "CardLoadAmountTooHighException"),
    CARD_CANCELLED_NO_ACTION(403, 4030350, "CardCancelledNoActionException"),
    CARD_BAD_CARD_TYPE(403, 4030360, "CardBadCardTypeException"),
    CARD_BAD_STATUS_UPDATE(403, 4030365, "CardBadStatusUpdateException"),
    CARD_ACCOUNT_CANNOT_ORDER_VIRTUAL_CARDS(403, 4030370, "CardAccountCannotOrderVirtualCardsException"),
    CARD_GET_PIN_BAD_CVC(403, 4030380, "CardGetPinBadCvcException"),
    CARD_UPDATE_MISSING_HOLDER_DATA(403, 4030390, "CardUpdateCardUpdateMissingHolderDataException"),
    ORDER_ID_NO_RIGHTS(403, 4030410, "OrderIdNoRightsException"),

    INVALID_ROUTE(404, 4040010, "InvalidRouteException"),
    ACCOUNT_STATEMENT_NOT_FOUND(404, 4040210, "AccountStatementNotFoundException"),
    // Not in the Anytime code table; the SDK has the exception classes (docs/mapping.md, credit transfers).
    ACCOUNT_CREDIT_TRANSFER_NOT_FOUND(404, 4040220, "AccountCreditTransferNotFoundException"),
    ACCOUNT_CREDIT_TRANSFER_TESTIMONIAL_NOT_FOUND(404, 4040221, "AccountCreditTransferTestimonialNotFoundException"),
    CARD_STATEMENT_NOT_FOUND(404, 4040310, "CardStatementNotFoundException"),
    ORDER_NO_AVAILABLE_TRACKING_DATA(404, 4040410, "OrderNoAvailableTrackingDataException"),

    METHOD_NOT_ALLOWED(405, 4050010, "MethodNotAllowedException"),

    BANKING_NETWORK_TIMEOUT(408, 4080010, "BankingNetworkTimeoutException"),

    MAX_QUERY_RATE_BY_IP(429, 4290010, "MaxQueryRateByIpReachedException"),
    MAX_QUERY_RATE_BY_FUNCTIONALITY(429, 4290020, "MaxQueryRateByFunctionalityReachedException"),
    MAX_QUERY_RATE_BY_API_USER(429, 4290030, "MaxQueryRateByApiUserReachedException"),
    CARD_MAX_LOAD_PER_DAY(429, 4290310, "CardMaxLoadPerDayException"),
    CARD_MAX_LOAD_PER_MONTH(429, 4290311, "CardMaxLoadPerMonthException"),
    CARD_MAX_LOAD_PER_YEAR(429, 4290312, "CardMaxLoadPerYearException"),
    CARD_MAX_LOAD_PER_FOUR_DAYS(429, 4290313, "CardMaxLoadPerFourDaysException"),
    CARD_MAX_LOAD_PER_WEEK(429, 4290314, "CardMaxLoadPerWeekException"),
    CARD_LOAD_CAPACITY(429, 4290320, "CardLoadCapacityException"),
    CARD_MAX_ALLOWED_ORDER_REACHED(429, 4290330, "CardMaxAllowedOrderReachedException"),
    CARD_MAX_ALLOWED_ORDER_REACHED_FOR_SUB_ACCOUNT(429, 4290331, "CardMaxAllowedOrderReachedForSubAccountException"),

    ACCOUNT_CREDIT_TRANSFER_KYC_UPLOAD_REQUIRED(451, 4510210, "AccountCreditTransferKycUploadRequiredException"),
    CARD_CREDIT_SINGLE_USE_UNAVAILABLE(451, 4510310, "CardCreditSingleUseUnavailableException"),
    CARD_ORDER_KYC_UPLOAD_REQUIRED(451, 4510320, "CardOrderKycUploadRequiredException"),
    CARD_LOAD_KYC_UPLOAD_REQUIRED(451, 4510330, "CardLoadKycUploadRequiredException"),

    UNKNOWN(500, 5000010, "UnknownException"),

    // ---- Gateway extensions: codes Anytime never defined, added by this gateway (same envelope and shape). ----
    // Idempotency-Key header (docs/architecture.md "Idempotency-Key"); the codes follow Anytime's numbering.
    IDEMPOTENCY_KEY_INVALID(400, 4000090, "IdempotencyKeyInvalidException"),
    IDEMPOTENCY_KEY_IN_PROGRESS(409, 4090010, "IdempotencyKeyInProgressException"),
    IDEMPOTENCY_KEY_REUSED(422, 4220010, "IdempotencyKeyReusedException"),
    // Requests over a size limit (docs/operations.md "Request size limits"), refused before routing.
    REQUEST_TOO_LARGE(413, 4130010, "RequestEntityTooLargeException"),
    URI_TOO_LONG(414, 4140010, "RequestUriTooLongException"),
    HEADERS_TOO_LARGE(431, 4310010, "RequestHeaderFieldsTooLargeException");

    private final int httpStatus;
    private final int code;
    private final String exception;

    AnytimeError(int httpStatus, int code, String exception) {
        this.httpStatus = httpStatus;
        this.code = code;
        this.exception = exception;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    /** The text code, as the spec's tables name it and as integrators match on it. */
    public String exception() {
        return exception;
    }
}
