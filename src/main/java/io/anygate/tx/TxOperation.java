package io.anygate.tx;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a TX operation on a gateway bean method: {@link TxOperationInterceptor} runs it in its guard of
 * {@link TxGuards} (identified by the method's {@code <class>/<method>} key), times it, counts its outcome and
 * turns fault-tolerance refusals (timeout, open circuit, full bulkhead) into {@link TxException}s.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TxOperation {

    /** Metric tag {@code operation}, e.g. {@code tran.account2account}. */
    @Nonbinding
    String value() default "";
}
