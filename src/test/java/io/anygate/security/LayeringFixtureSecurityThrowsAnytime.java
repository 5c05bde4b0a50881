package io.anygate.security;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;

/**
 * A deliberately wrong import for {@code LayeringFixturesTest}: security throwing the inbound protocol's exception,
 * while anytime uses security (a cycle).
 */
class LayeringFixtureSecurityThrowsAnytime {

    void refuse() {
        throw new AnytimeException(AnytimeError.OAUTH2_ACCESS_DENIED, "wrong");
    }
}
