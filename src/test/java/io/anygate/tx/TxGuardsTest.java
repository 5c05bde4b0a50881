package io.anygate.tx;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.Guard;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

/**
 * The TX fault-tolerance policy is declared once: every TX operation is guarded by a guard of {@link TxGuards}
 * whose identifier is the operation's own {@code <class>/<method>} key (so the documented per-operation override
 * keys reach it), each with a breaker of its own; no TX bean method restates the policy with per-method
 * annotations; and no class outside {@code io.anygate.tx} has a fault-tolerance annotation the global keys would
 * silently apply to.
 */
class TxGuardsTest {

    private static final List<Class<?>> BEANS = List.of(TxSubjects.class, TxContracts.class, TxCardCalls.class,
            TxTransfers.class);

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
        List<String> wrong = new ArrayList<>();
        Set<String> applied = new TreeSet<>();
        for (Method m : operations()) {
            ApplyGuard guard = m.getAnnotation(ApplyGuard.class);
            String key = "io.anygate.tx." + m.getDeclaringClass().getSimpleName() + "/" + m.getName();
            if (guard == null || !guard.value().equals(key)) {
                wrong.add(key + " -> " + (guard == null ? "no guard" : guard.value()));
            } else if (!applied.add(guard.value())) {
                wrong.add(key + " shares its guard");
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(producedGuards(), applied, "each guard of TxGuards guards exactly one operation");
    }

    @Test
    void noTxBeanRestatesThePolicyPerMethod() {
        List<Class<? extends Annotation>> perMethod = List.of(Timeout.class, Retry.class, CircuitBreaker.class,
                Bulkhead.class, CircuitBreakerName.class);
        String restated = BEANS.stream().flatMap(c -> Stream.of(c.getDeclaredMethods()))
                .filter(m -> perMethod.stream().anyMatch(m::isAnnotationPresent))
                .map(m -> m.getDeclaringClass().getSimpleName() + "/" + m.getName())
                .collect(Collectors.joining(", "));
        assertEquals("", restated);
    }

    @Test
    void onlyTheTxAdapterHasFaultToleranceAnnotations() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.anygate");
        for (Class<? extends Annotation> a : List.of(Timeout.class, Retry.class, CircuitBreaker.class,
                Bulkhead.class, ApplyGuard.class)) {
            methods().that().areAnnotatedWith(a).should().beDeclaredInClassesThat().resideInAPackage("io.anygate.tx")
                    .allowEmptyShould(true).check(classes);
            noClasses().that().resideOutsideOfPackage("io.anygate.tx").should().beAnnotatedWith(a).check(classes);
        }
    }
}
