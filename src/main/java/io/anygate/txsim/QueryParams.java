package io.anygate.txsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads object-valued query parameters in every form docs/tx-contract.md accepts: deepObject
 * ({@code ref[id]=4680}), dotted ({@code ref.id=4680}), JSON ({@code ref={"id":4680}}) and, for operations
 * that take a single reference, flat ({@code id=4680}).
 */
final class QueryParams {

    private static final Set<String> FLAT_NAMES = Set.of("id", "rid", "extRid", "matchKey", "rqSentTime");

    private final MultiMap params;

    QueryParams(MultiMap params) {
        this.params = params;
    }

    /** The object parameter {@code name} with text members, or null when absent. */
    ObjectNode object(String name, boolean flatAllowed) {
        ObjectNode out = SimJson.object();
        for (Map.Entry<String, String> e : params.entries()) {
            String key = e.getKey();
            String member = null;
            if (key.startsWith(name + "[") && key.endsWith("]")) {
                member = key.substring(name.length() + 1, key.length() - 1);
            } else if (key.startsWith(name + ".")) {
                member = key.substring(name.length() + 1);
            } else if (key.equals(name)) {
                JsonNode json = SimJson.parse(e.getValue(), name);
                if (!json.isObject()) {
                    throw TxSimException.badRequest(name + " must be a JSON object");
                }
                json.fields().forEachRemaining(f -> put(out, name, f.getKey(), f.getValue().isValueNode()
                        ? (f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()) : null));
                continue;
            } else if (flatAllowed && FLAT_NAMES.contains(key)) {
                member = key;
            }
            if (member != null) {
                if (member.isEmpty() || member.contains("[") || member.contains("]")) {
                    throw TxSimException.badRequest(name + ": malformed parameter name");
                }
                put(out, name, member, e.getValue());
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static void put(ObjectNode out, String name, String member, String value) {
        if (value == null) {
            throw TxSimException.badRequest(name + "." + member + " must be a plain value");
        }
        if (out.has(member) && !out.get(member).asText().equals(value)) {
            throw TxSimException.badRequest(name + "." + member + " is given twice with different values");
        }
        out.put(member, value);
    }

    Ref ref(String name, boolean flatAllowed) {
        return Ref.required(object(name, flatAllowed), name);
    }

    String text(String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    Boolean bool(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw TxSimException.badRequest(name + " must be true or false");
    }

    /** {@code page[offset]} (>= 0, default 0) and {@code page[limit]} (1..1000, default 100). */
    int[] page() {
        ObjectNode page = object("page", false);
        Long offset = page == null ? null : Ref.id(page.get("offset"), "page.offset");
        Long limit = page == null ? null : Ref.id(page.get("limit"), "page.limit");
        if (offset != null && (offset < 0 || offset > Integer.MAX_VALUE)) {
            throw TxSimException.badRequest("page.offset must be >= 0");
        }
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw TxSimException.badRequest("page.limit must be between 1 and 1000");
        }
        return new int[] {offset == null ? 0 : offset.intValue(), limit == null ? 100 : limit.intValue()};
    }

    /** {@code order}: IdAsc (default) or IdDesc; true when descending. */
    boolean descending() {
        String order = text("order");
        if (order == null || order.equals("IdAsc")) {
            return false;
        }
        if (order.equals("IdDesc")) {
            return true;
        }
        throw TxSimException.badRequest("order must be IdAsc or IdDesc");
    }
}
