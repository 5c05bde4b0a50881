package io.anygate.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The subset of kustomize our manifests use, so that tests can check what an overlay really deploys without a
 * kustomize binary: {@code resources} (files and directories holding a kustomization.yaml), {@code namespace},
 * {@code images} (newName/newTag by image name) and {@code patches} given by {@code path}, applied as strategic
 * merges onto the resource of the same kind and name: maps merge key by key, lists whose items all carry a
 * {@code name} merge item by item (containers, env, volumes, volumeMounts, ports), other lists are replaced.
 * Anything else in a kustomization (namePrefix, generators, JSON patches, {@code $patch} directives) fails the
 * rendering, so that an overlay cannot silently use what this renderer would ignore.
 */
final class KustomizeRenderer {

    static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images",
            "patches");

    private KustomizeRenderer() {
    }

    /** Every document of a YAML file, as maps. */
    static List<Map<String, Object>> readAll(Path file) {
        try (MappingIterator<Map<String, Object>> docs = YAML.readerFor(new TypeReference<Map<String, Object>>() {
        }).readValues(file.toFile())) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (docs.hasNext()) {
                Map<String, Object> doc = docs.next();
                if (doc != null && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** The resources a kustomization directory produces. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> k = readAll(dir.resolve("kustomization.yaml")).get(0);
        for (String key : k.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(dir + ": '" + key + "' is not supported by this renderer");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : (List<Object>) k.getOrDefault("resources", List.of())) {
            Path p = dir.resolve((String) r).normalize();
            out.addAll(Files.isDirectory(p) ? render(p) : readAll(p));
        }
        for (Object patch : (List<Object>) k.getOrDefault("patches", List.of())) {
            Map<String, Object> spec = (Map<String, Object>) patch;
            if (spec.size() != 1 || !spec.containsKey("path")) {
                throw new IllegalArgumentException(dir + ": only 'patches: - path: file' is supported, got " + spec);
            }
            for (Map<String, Object> p : readAll(dir.resolve((String) spec.get("path")))) {
                Map<String, Object> target = out.stream()
                        .filter(res -> Objects.equals(res.get("kind"), p.get("kind")) && name(res).equals(name(p)))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(dir + ": patch for no resource: "
                                + p.get("kind") + "/" + name(p)));
                merge(target, p);
            }
        }
        if (k.containsKey("namespace")) {
            out.forEach(res -> ((Map<String, Object>) res.get("metadata")).put("namespace", k.get("namespace")));
        }
        for (Object image : (List<Object>) k.getOrDefault("images", List.of())) {
            out.forEach(res -> retag(res, (Map<String, Object>) image));
        }
        return out;
    }

    static String name(Map<String, Object> resource) {
        return String.valueOf(((Map<?, ?>) resource.get("metadata")).get("name"));
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> base, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            if (e.getKey().startsWith("$patch") || e.getKey().startsWith("$setElementOrder")) {
                throw new IllegalArgumentException("strategic-merge directive not supported: " + e.getKey());
            }
            Object old = base.get(e.getKey());
            if (old instanceof Map && e.getValue() instanceof Map) {
                merge((Map<String, Object>) old, (Map<String, Object>) e.getValue());
            } else if (old instanceof List && e.getValue() instanceof List && named((List<Object>) old)
                    && named((List<Object>) e.getValue())) {
                mergeByName((List<Object>) old, (List<Object>) e.getValue());
            } else {
                base.put(e.getKey(), e.getValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeByName(List<Object> base, List<Object> patch) {
        for (Object item : patch) {
            Map<String, Object> p = (Map<String, Object>) item;
            base.stream().map(o -> (Map<String, Object>) o)
                    .filter(b -> Objects.equals(b.get("name"), p.get("name")))
                    .findFirst()
                    .ifPresentOrElse(b -> merge(b, p), () -> base.add(new LinkedHashMap<>(p)));
        }
    }

    private static boolean named(List<Object> list) {
        return !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map && ((Map<?, ?>) o).containsKey("name"));
    }

    @SuppressWarnings("unchecked")
    private static void retag(Map<String, Object> resource, Map<String, Object> image) {
        Object spec = resource.get("spec");
        if (!(spec instanceof Map) || !(((Map<?, ?>) spec).get("template") instanceof Map)) {
            return;
        }
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec)
                .get("template")).get("spec");
        for (String list : List.of("containers", "initContainers")) {
            for (Object c : (List<Object>) pod.getOrDefault(list, List.of())) {
                Map<String, Object> container = (Map<String, Object>) c;
                String ref = (String) container.get("image");
                int slash = ref.lastIndexOf('/');
                int colon = ref.lastIndexOf(':');
                String name = colon > slash ? ref.substring(0, colon) : ref;
                String tag = colon > slash ? ref.substring(colon + 1) : null;
                if (name.equals(image.get("name"))) {
                    String newName = (String) image.getOrDefault("newName", name);
                    String newTag = (String) image.getOrDefault("newTag", tag);
                    container.put("image", newTag == null ? newName : newName + ":" + newTag);
                }
            }
        }
    }
}
