package io.anygate.security;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks that the current partner may use a functionality. The edge calls it for every versioned request with
 * the {@link Functionality} name; resources may call {@link #require} for finer-grained names (for example per
 * operation inside one endpoint).
 */
@ApplicationScoped
public class FunctionalityGuard {

    @Inject
    CurrentPartner current;

    /** Throws FunctionalityNotAllowedException (4030030) when the partner may not use it. */
    public void require(String functionality) {
        if (!current.functionalityAllowed(functionality)) {
            throw new AnytimeException(AnytimeError.FUNCTIONALITY_NOT_ALLOWED,
                    "Functionality not allowed: " + functionality);
        }
    }
}
