package io.anygate.tx;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

/**
 * The TX fault-tolerance policy is declared once, in the global {@code quarkus.fault-tolerance.global.*} keys of
 * application.properties, and applies as meant: every TX operation carries the whole marker, no marker restates
 * the shared policy, and no class outside {@code io.anygate.tx} has a fault-tolerance annotation the global keys
 * would silently apply to.
 */
class TxGuardsTest {

    private static final List<Class<? extends Annotation>> MARKER = List.of(TxOperation.class,
            CircuitBreakerName.class, Timeout.class, Retry.class, CircuitBreaker.class, Bulkhead.class);

    private static List<Method> guarded() {
        return Stream.of(TxSubjects.class, TxContracts.class, TxCardCalls.class, TxTransfers.class)
                .flatMap(c -> Stream.of(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(TxOperation.class))
                .toList();
    }

    @Test
    void everyTxOperationCarriesTheWholeMarkerWithItsOwnBreaker() {
        List<String> missing = new ArrayList<>();
        for (Method m : guarded()) {
            MARKER.stream().filter(a -> !m.isAnnotationPresent(a))
                    .forEach(a -> missing.add(m.getDeclaringClass().getSimpleName() + "/" + m.getName() + " lacks @"
                            + a.getSimpleName()));
        }
        assertEquals(List.of(), missing);
        long names = guarded().stream().map(m -> m.getAnnotation(CircuitBreakerName.class).value()).distinct().count();
        assertEquals(guarded().size(), names, "one breaker per operation");
    }

    @Test
    void noMarkerRestatesTheSharedPolicy() {
        for (Method m : guarded()) {
            Retry retry = m.getAnnotation(Retry.class);
            CircuitBreaker breaker = m.getAnnotation(CircuitBreaker.class);
            Bulkhead bulkhead = m.getAnnotation(Bulkhead.class);
            String where = m.getDeclaringClass().getSimpleName() + "/" + m.getName();
            assertTrue(retry.retryOn().length == 1 && retry.retryOn()[0] == Exception.class
                    && retry.abortOn().length == 0 && retry.maxRetries() == 3, where + ": retry policy restated");
            assertTrue(breaker.failOn().length == 1 && breaker.failOn()[0] == Throwable.class
                    && breaker.skipOn().length == 0 && breaker.successThreshold() == 1, where + ": breaker restated");
            assertEquals(10, bulkhead.value(), where + ": bulkhead restated");
        }
    }

    @Test
    void onlyTheTxAdapterHasFaultToleranceAnnotations() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.anygate");
        for (Class<? extends Annotation> a : List.of(Timeout.class, Retry.class, CircuitBreaker.class,
                Bulkhead.class)) {
            methods().that().areAnnotatedWith(a).should().beDeclaredInClassesThat().resideInAPackage("io.anygate.tx")
                    .check(classes);
            noClasses().that().resideOutsideOfPackage("io.anygate.tx").should().beAnnotatedWith(a).check(classes);
        }
    }
}
