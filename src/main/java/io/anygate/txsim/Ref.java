package io.anygate.txsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A TX object reference ({@code {"id": 4680, "rid": "ACC-1", "extRid": ...}}) read from a body or a query
 * string. At least {@code id} or {@code rid} is required; when both are given they must name the same object,
 * which the resolver checks.
 */
record Ref(Long id, String rid) {

    static Ref optional(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw TxSimException.badRequest(path + " must be an object");
        }
        Long id = id(node.get("id"), path + ".id");
        String rid = SimJson.optText(node, "rid", path + ".rid");
        if (id == null && rid == null) {
            throw TxSimException.badRequest(path + " needs an id or a rid");
        }
        return new Ref(id, rid);
    }

    static Ref required(JsonNode node, String path) {
        Ref ref = optional(node, path);
        if (ref == null) {
            throw TxSimException.badRequest(path + " is required");
        }
        return ref;
    }

    static Ref member(ObjectNode parent, String name, String path) {
        return optional(parent == null ? null : parent.get(name), path);
    }

    static Long id(JsonNode n, String field) {
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        if (n.isTextual()) {
            try {
                return Long.parseLong(n.asText().trim());
            } catch (NumberFormatException e) {
                // falls through to the 400 below
            }
        }
        throw TxSimException.badRequest(field + " must be an integer");
    }

    /** Resolves a reference against one object kind: the rid's object, the id's object, and both must agree. */
    static <T> T resolve(Ref ref, java.util.function.LongFunction<T> byId, java.util.function.Function<String, Long> ridToId,
            String path) {
        Long fromRid = ref.rid() == null ? null : ridToId.apply(ref.rid());
        if (ref.rid() != null && fromRid == null) {
            throw TxSimException.notFound(path + ": no object with rid " + ref.rid());
        }
        if (ref.id() != null && fromRid != null && !ref.id().equals(fromRid)) {
            throw TxSimException.badRequest(path + ": id and rid name different objects");
        }
        long id = ref.id() != null ? ref.id() : fromRid;
        T found = byId.apply(id);
        if (found == null) {
            throw TxSimException.notFound(path + ": no object with id " + id);
        }
        return found;
    }
}
