package io.anygate.domain.operation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key TX uses to recognise a repeated write ({@code tranRq.match.key}): TX applies a key once and answers
 * every repeat with the original outcome. Each TX write of an operation has its own key, derived from the
 * operation id and the step name, so that a retry of a step (by the TX client, the reconciler, or a resumed
 * saga on another replica) always sends the same key and can never apply twice.
 */
public record MatchKey(String value) {

    private static final Pattern STEP = Pattern.compile("[a-z][a-z0-9-]{0,23}");

    public MatchKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException("a matchKey has 1 to 64 characters");
        }
    }

    /** The key of one step of an operation, e.g. {@code agw-0190c3...-transfer}. */
    public static MatchKey of(OperationId operation, String step) {
        if (!STEP.matcher(step).matches()) {
            throw new IllegalArgumentException("bad step name: " + step);
        }
        return new MatchKey("agw-" + operation.value() + "-" + step);
    }

    @Override
    public String toString() {
        return value;
    }
}
