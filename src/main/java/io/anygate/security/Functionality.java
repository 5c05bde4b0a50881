package io.anygate.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the functionality a versioned resource method (or class) belongs to, for per-partner allowed
 * functionalities (4030030) and per-functionality rate limits (4290020). Without it the functionality is the
 * method and route template, e.g. {@code GET /v1.0/accounts/{acc_id}}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Functionality {

    String value();
}
