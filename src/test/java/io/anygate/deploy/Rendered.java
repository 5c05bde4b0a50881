package io.anygate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A rendered set of manifests and the look-ups the invariants need (containers, env, ports, volumes). */
final class Rendered {

    final String target;
    private final List<Map<String, Object>> resources;

    Rendered(String target, List<Map<String, Object>> resources) {
        this.target = target;
        this.resources = resources;
    }

    /** One manifest, with dotted-path access. */
    record Resource(Map<String, Object> map) {
        Object at(String dotted) {
            Object node = map;
            for (String part : dotted.split("\\.")) {
                node = node instanceof Map<?, ?> m ? m.get(part) : null;
            }
            return node;
        }
    }

    List<Resource> all(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).map(Resource::new).toList();
    }

    Resource one(String kind) {
        List<Resource> found = all(kind);
        assertEquals(1, found.size(), target + ": exactly one " + kind);
        return found.get(0);
    }

    List<Map<String, Object>> containers() {
        Map<String, Object> pod = map(one("Deployment").at("spec.template.spec"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (String key : List.of("initContainers", "containers")) {
            list(pod.getOrDefault(key, List.of())).forEach(c -> out.add(map(c)));
        }
        return out;
    }

    Map<String, Object> gatewayContainer() {
        return containers().stream().filter(c -> "gateway".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(target + ": no container named gateway"));
    }

    /** A probe's or Service's port, by number or by the container port's name. */
    int containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Number n) {
            return n.intValue();
        }
        return list(container.get("ports")).stream().map(Rendered::map)
                .filter(p -> Objects.equals(p.get("name"), port))
                .map(p -> ((Number) p.get("containerPort")).intValue())
                .findFirst().orElseThrow(() -> new AssertionError(target + ": no container port named " + port));
    }

    Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        list(container.getOrDefault("env", List.of())).forEach(e -> out.put((String) map(e).get("name"), map(e)));
        return out;
    }

    /** A literal env value or one read from a rendered ConfigMap; empty when unset or from a Secret. */
    String envValue(Map<String, Object> container, String name) {
        Map<String, Object> e = env(container).get(name);
        if (e == null) {
            return "";
        }
        if (e.containsKey("value")) {
            return String.valueOf(e.get("value"));
        }
        Map<String, Object> ref = map(map(e.get("valueFrom")).get("configMapKeyRef"));
        if (ref.isEmpty()) {
            return "";
        }
        return all("ConfigMap").stream().filter(cm -> ref.get("name").equals(KustomizeRenderer.name(cm.map())))
                .map(cm -> map(cm.map().get("data")).get(ref.get("key")))
                .filter(Objects::nonNull).map(String::valueOf).findFirst().orElse("");
    }

    Map<String, Object> volumesByName() {
        Map<String, Object> out = new LinkedHashMap<>();
        list(one("Deployment").at("spec.template.spec.volumes")).forEach(v -> out.put((String) map(v).get("name"), v));
        return out;
    }

    /** Whether a file path lies in a directory where a Secret volume is mounted. */
    boolean secretMountFor(Map<String, Object> container, String file) {
        Map<String, Object> volumes = volumesByName();
        return list(container.getOrDefault("volumeMounts", List.of())).stream().map(Rendered::map)
                .filter(m -> file.startsWith(m.get("mountPath") + "/"))
                .anyMatch(m -> map(volumes.get(m.get("name"))).containsKey("secret"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }
}
