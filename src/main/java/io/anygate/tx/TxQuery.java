package io.anygate.tx;

import java.util.Map;

/** Builds query strings the deepObject way docs/tx-contract.md fixes: {@code filter[clientId]=1}. */
final class TxQuery {

    private TxQuery() {
    }

    /** Adds {@code name[idKey]} and/or {@code name[ridKey]}, whichever is known. */
    static void ref(Map<String, String> q, String name, String idKey, Long id, String ridKey, String rid) {
        put(q, name + "[" + idKey + "]", id == null ? null : id.toString());
        put(q, name + "[" + ridKey + "]", rid);
    }

    static void put(Map<String, String> q, String key, String value) {
        if (value != null) {
            q.put(key, value);
        }
    }

    static void page(Map<String, String> q, TxPage page) {
        q.put("page[offset]", Integer.toString(page.offset()));
        q.put("page[limit]", Integer.toString(page.limit()));
        q.put("order", page.order());
    }
}
