package io.anygate.anytime;

/**
 * The error a route answers for a request it cannot read (body in a content type it does not take, too many form
 * fields, a form value too long, a request over a size limit): its invalid-parameter code, as it does for a bad
 * parameter. Accounts and transactions use 4000210, cards, orders and the other versioned routes 4000310 (as the
 * multi-request does); {@code /oauth/**} and everything else 4010020, the token route's "invalid request".
 */
public final class RouteErrors {

    private RouteErrors() {
    }

    public static AnytimeError invalidParameter(String rawPath) {
        String path = AnytimeSurface.normalize(rawPath);
        if (path.startsWith("/v1.0/accounts") || path.startsWith("/v1.0/transactions")) {
            return AnytimeError.ACCOUNT_INVALID_PARAMETER;
        }
        if (path.startsWith("/v1.0/")) {
            return AnytimeError.CARD_INVALID_PARAMETER;
        }
        return AnytimeError.OAUTH2_INVALID_REQUEST;
    }
}
