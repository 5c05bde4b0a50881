package io.anygate.domain;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * TX answered a value outside the gateway's translation tables (a card status, a restriction profile, a contract
 * status, a transaction result TX added or renamed). The gateway never reads it as another value: the request is
 * refused (Anytime 5000010) and each distinct value is logged once, at WARN, so that an operator extends the table.
 * The value is a status or a code, never card data.
 */
public class UnknownCoreValue extends RuntimeException {

    private static final Logger LOG = Logger.getLogger(UnknownCoreValue.class);
    private static final int MAX_REMEMBERED = 1000;
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final String field;
    private final String value;

    private UnknownCoreValue(String field, String value) {
        super("TX " + field + " outside the translation table");
        this.field = field;
        this.value = value;
    }

    /** The refusal for {@code value} of {@code field}, reported (logged once per distinct value). */
    public static UnknownCoreValue of(String field, String value) {
        String shown = value == null ? "(none)" : value;
        String key = field + "\u0000" + shown;
        if (REPORTED.size() < MAX_REMEMBERED && REPORTED.add(key)) {
            LOG.warnf("TX %s outside the translation table: %s", field, shown);
        }
        return new UnknownCoreValue(field, shown);
    }

    /** Which TX field, e.g. {@code card status}. */
    public String field() {
        return field;
    }

    /** The value TX sent ({@code (none)} when it sent none). */
    public String value() {
        return value;
    }
}
