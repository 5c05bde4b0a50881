package io.anygate.webhook;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** Starts a partner receiver on 127.0.0.1 and registers it as partner {@code acme}'s webhook target. */
public class ReceiverResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running {@link Receiver}. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface InjectReceiver {
    }

    private Receiver receiver;

    @Override
    public Map<String, String> start() {
        try {
            receiver = Receiver.start(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "gateway.webhook.targets.acme.url", receiver.url(),
                "gateway.webhook.targets.acme.api-username", "acme-api",
                "gateway.webhook.targets.acme.allow-private-targets", "true");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(receiver,
                new TestInjector.AnnotatedAndMatchesType(InjectReceiver.class, Receiver.class));
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
