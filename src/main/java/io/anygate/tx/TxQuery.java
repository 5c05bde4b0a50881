package io.anygate.tx;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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

    /** TX's local date-time, always to the second ({@code 2026-10-31T23:00:00}); a fraction is dropped. */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /**
     * A date-time as TX's filters take it. Never {@code LocalDateTime.toString()}: it leaves out zero seconds
     * ({@code 2026-10-31T23:00}) and writes fractions, neither of which is the documented format.
     */
    static String dateTime(LocalDateTime t) {
        return t == null ? null : DATE_TIME.format(t);
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
