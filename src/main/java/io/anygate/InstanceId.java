package io.anygate;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** This replica's identity in leases and logs: the host name (the pod name in Kubernetes) plus a random suffix. */
@ApplicationScoped
public class InstanceId {

    private final String value;

    public InstanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "gateway");
        this.value = (host.length() > 40 ? host.substring(0, 40) : host) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public String value() {
        return value;
    }
}
