package io.anygate.domain.transfer;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/** The SEPA adapter while none is deployed: it takes no transfer, so they wait In progress. */
@ApplicationScoped
@DefaultBean
public class NoSepaAdapter implements SepaAdapter {

    private static final Logger LOG = Logger.getLogger(NoSepaAdapter.class);
    private final AtomicBoolean told = new AtomicBoolean();

    @Override
    public boolean submit(CreditTransfer transfer) {
        if (told.compareAndSet(false, true)) {
            LOG.warn("no SEPA adapter is deployed: credit transfers stay In progress until one is");
        }
        return false;
    }

    @Override
    public Optional<Outcome> outcome(CreditTransfer transfer) {
        return Optional.empty();
    }
}
