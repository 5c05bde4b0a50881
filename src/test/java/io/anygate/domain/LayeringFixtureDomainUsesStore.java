package io.anygate.domain;

import io.anygate.store.StoreException;

/** A deliberately wrong import for {@code LayeringFixturesTest}: the domain reaching into the store. */
class LayeringFixtureDomainUsesStore {

    StoreException wrong;
}
