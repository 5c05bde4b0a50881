package io.anygate.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.anygate.tx.InjectTxStub;
import java.lang.reflect.Field;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a {@code @QuarkusTest} against the WireMock TX ({@code TxStubProfile}): each test starts with no stub and no
 * recorded request in the test's {@link InjectTxStub} server, and leaves every circuit breaker closed.
 */
public final class TxStubReset implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Object test = context.getRequiredTestInstance();
        Field field = Arrays.stream(test.getClass().getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(InjectTxStub.class)).findFirst()
                .orElseThrow(() -> new IllegalStateException(test.getClass() + " has no @InjectTxStub field"));
        field.setAccessible(true);
        ((WireMockServer) field.get(test)).resetAll();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Breakers.closeAll();
    }
}
