package io.anygate.webhook;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a partner receiver on 127.0.0.1 and registers it as partner {@code acme}'s webhook target the way
 * production does: a partners file (the test partners plus {@code acme}, whose webhook URL is the receiver and
 * who may use a private target) that the partner registry loads.
 */
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
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode file = (ObjectNode) json.readTree(Path.of("src/test/resources/partners/test-partners.json")
                    .toFile());
            ArrayNode partners = (ArrayNode) file.get("partners");
            ObjectNode acme = partners.get(0).deepCopy();
            acme.put("partner_id", "acme");
            acme.put("client_id", "acme-client");
            acme.put("username", "acme-api");
            acme.put("webhook_url", receiver.url());
            acme.put("allow_private_webhook_targets", true);
            partners.add(acme);
            Path partnersFile = Files.createTempFile("partners-acme", ".json");
            partnersFile.toFile().deleteOnExit();
            json.writeValue(partnersFile.toFile(), file);
            return Map.of("gateway.security.partners-file", partnersFile.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
