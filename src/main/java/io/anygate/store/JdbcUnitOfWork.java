package io.anygate.store;

import io.anygate.domain.operation.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * {@link UnitOfWork} on the active store: a JTA transaction ({@link Store#inTransaction}) that every connection the
 * thread takes from the store joins.
 */
@ApplicationScoped
public class JdbcUnitOfWork implements UnitOfWork {

    @Inject
    Store store;

    @Override
    public <T> T inOne(Supplier<T> work) {
        return store.inTransaction(work);
    }
}
