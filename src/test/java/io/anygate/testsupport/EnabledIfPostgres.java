package io.anygate.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;

/** Runs the annotated test class only when the test PostgreSQL is reachable (always, and required, in CI). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf("io.anygate.testsupport.PostgresAvailability#reachable")
public @interface EnabledIfPostgres {
}
