package io.anygate.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Operator access to the gateway's admin endpoints ({@code /admin/...}), which are not on the partner surface. */
@ConfigMapping(prefix = "gateway.admin")
public interface AdminConfig {

    /** Bearer token for {@code /admin/...}; when unset every admin call is refused with 401. */
    Optional<String> token();
}
