package io.anygate.ops;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one message printed when the gateway cannot start because settings are missing (SmallRye Config's
 * SRCFG00011 "could not expand value" and SRCFG00014 "property is required"): which of them are missing, what
 * production needs, and how to run the embedded sandbox instead. Pure, so that the text is tested without a start.
 */
public final class StartupAdvice {

    /** What production needs, in the words of docs/operations.md "Production guard". */
    static final String PRODUCTION_NEEDS = String.join("\n",
            "  GATEWAY_TX_URL, GATEWAY_TX_USERNAME, GATEWAY_TX_PASSWORD   the TX core's endpoint and credentials",
            "  GATEWAY_DB_URL (jdbc:postgresql:...), GATEWAY_DB_USERNAME, GATEWAY_DB_PASSWORD   PostgreSQL",
            "  GATEWAY_SECURITY_PARTNERS_FILE   the partners file",
            "  GATEWAY_SECURITY_TRUSTED_PROXIES   the ingress's address range, or none");
    private static final Pattern UNEXPANDED = Pattern.compile("SRCFG00011: Could not expand value (\\S+) in property (\\S+)");
    private static final Pattern REQUIRED = Pattern.compile("SRCFG00014: The config property (\\S+) is required");

    private StartupAdvice() {
    }

    /**
     * The message for a start that failed with {@code failureText} (every message of the failure and its causes),
     * or empty when the failure is not about missing settings. {@code profile}: the profile asked for, if any.
     */
    public static Optional<String> forFailure(String failureText, Optional<String> profile) {
        Set<String> missing = new LinkedHashSet<>();
        Matcher m = UNEXPANDED.matcher(failureText);
        while (m.find()) {
            missing.add(m.group(1) + " (" + m.group(2) + ")");
        }
        m = REQUIRED.matcher(failureText);
        while (m.find()) {
            missing.add(m.group(1));
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String asked = profile.filter(p -> !p.isBlank()).map(p -> "profile " + p)
                .orElse("the prod profile: the packaged jar runs production unless told otherwise");
        return Optional.of("The gateway did not start (" + asked + "): missing settings "
                + String.join(", ", missing) + ".\n"
                + "Production needs, as environment variables (or the properties named in docs/operations.md):\n"
                + PRODUCTION_NEEDS + "\n"
                + "To try the gateway with its embedded TX simulator and store instead:\n"
                + "  java -Dquarkus.profile=sandbox -jar target/quarkus-app/quarkus-run.jar");
    }

    /** Every message of a failure and of its causes and suppressed exceptions, one per line. */
    static String messages(Throwable failure) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        append(failure, out, seen);
        return out.toString();
    }

    private static void append(Throwable t, StringBuilder out, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        out.append(t.getMessage()).append('\n');
        for (Throwable s : t.getSuppressed()) {
            append(s, out, seen);
        }
        append(t.getCause(), out, seen);
    }
}
