package io.anygate.tx;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimit;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

/**
 * The TX fault-tolerance policy is declared once: every TX operation runs in a guard of {@link TxGuards} whose
 * identifier is the operation's own {@code <class>/<method>} key (so the documented per-operation override keys
 * reach it), each with a breaker of its own, and no class of the gateway declares fault tolerance with annotations:
 * not per method (the policy restated), and not with {@code @ApplyGuard}, which in SmallRye Fault Tolerance 6.10.0
 * keeps one metrics collector per call ({@link TxOperationInterceptor}; {@code TxGuardsRetainNothingPerCallTest}).
 */
class TxGuardsTest {

    private static final List<Class<?>> BEANS = List.of(TxSubjects.class, TxContracts.class, TxCardCalls.class,
            TxTransfers.class, TxPing.class);

    private static List<Method> operations() {
        return BEANS.stream().flatMap(c -> Stream.of(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(TxOperation.class))
                .toList();
    }

    private static Set<String> producedGuards() {
        Set<String> ids = new TreeSet<>();
        for (Field f : TxGuards.class.getDeclaredFields()) {
            if (f.getType() == Guard.class) {
                ids.add(f.getAnnotation(Identifier.class).value());
            }
        }
        return ids;
    }

    @Test
    void everyTxOperationHasAGuardOfItsOwnIdentifiedByItsMethodKey() {
        Set<String> operations = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (Method m : operations()) {
            if (!operations.add(TxOperationInterceptor.methodKey(m))) {
                twice.add(TxOperationInterceptor.methodKey(m) + " (overloaded: one guard would serve two operations)");
            }
        }
        assertEquals(List.of(), twice);
        assertEquals(producedGuards(), operations, "each guard of TxGuards guards exactly one operation, and each "
                + "operation has one");
    }

    @Test
    void theGatewayDeclaresNoFaultToleranceWithAnnotations() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.anygate");
        for (Class<? extends Annotation> a : List.of(Timeout.class, Retry.class, CircuitBreaker.class,
                Bulkhead.class, Fallback.class, Asynchronous.class, CircuitBreakerName.class, ApplyGuard.class,
                AsynchronousNonBlocking.class, RateLimit.class)) {
            noMethods().should().beAnnotatedWith(a).check(classes);
            noClasses().should().beAnnotatedWith(a).check(classes);
        }
    }
}
