package io.anygate.ops;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a production start needs and does not have: an explicit TX endpoint and credentials, PostgreSQL as the
 * active store, a readable partners file, and the embedded simulator switched off. Pure: it reads settings
 * through a lookup function so that it can be checked from a plain map.
 */
public final class ProductionReadiness {

    static final String SANDBOX_TX_USERNAME = "tx-sandbox";
    static final String SANDBOX_TX_PASSWORD = "tx-sandbox-secret";
    static final String SANDBOX_TX_PIN_KEY = "0123456789ABCDEFFEDCBA9876543210";
    static final int MIN_ADMIN_TOKEN = 32;

    private final Function<String, Optional<String>> config;
    private final Predicate<String> readableFile;

    /**
     * @param config       a setting by property name, empty when unset or blank
     * @param readableFile whether a path names a regular file this process can read
     */
    public ProductionReadiness(Function<String, Optional<String>> config, Predicate<String> readableFile) {
        this.config = key -> config.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        this.readableFile = readableFile;
    }

    /** Every missing or unsafe item, one sentence each naming the property and its environment variable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        checkTx(problems);
        checkStore(problems);
        checkPartnersFile(problems);
        checkSigningKeyFile(problems);
        checkClientAddresses(problems);
        checkAdminToken(problems);
        if (!config.apply("gateway.txsim.enabled").map(Boolean::parseBoolean).map(b -> !b).orElse(false)) {
            problems.add("the embedded TX simulator must be off: set gateway.txsim.enabled=false");
        }
        return problems;
    }

    private void checkTx(List<String> problems) {
        Optional<String> url = config.apply("gateway.tx.url");
        if (url.isEmpty()) {
            problems.add("TX endpoint missing: set gateway.tx.url (GATEWAY_TX_URL)");
        } else if (pointsAtEmbeddedSimulator(url.get())) {
            problems.add("gateway.tx.url (GATEWAY_TX_URL) points at the embedded simulator: " + url.get());
        }
        Optional<String> username = config.apply("gateway.tx.username");
        if (username.isEmpty() || username.get().equals(SANDBOX_TX_USERNAME)) {
            problems.add("TX username missing or the sandbox one: set gateway.tx.username (GATEWAY_TX_USERNAME)");
        }
        Optional<String> password = config.apply("gateway.tx.password");
        if (password.isEmpty() || password.get().equals(SANDBOX_TX_PASSWORD)) {
            problems.add("TX password missing or the sandbox one: set gateway.tx.password (GATEWAY_TX_PASSWORD)");
        }
        Optional<String> pinKey = config.apply("gateway.tx.pin.key");
        if (pinKey.isEmpty() || pinKey.get().equalsIgnoreCase(SANDBOX_TX_PIN_KEY)) {
            problems.add("TX PIN key missing or the sandbox one: set gateway.tx.pin.key (GATEWAY_TX_PIN_KEY) to the key"
                    + " TX encrypts PIN blocks under");
        }
    }

    private boolean pointsAtEmbeddedSimulator(String url) {
        String basePath = config.apply("gateway.txsim.base-path").orElse("/txsim");
        try {
            URI uri = URI.create(url);
            return loopback(host(uri)) && Optional.ofNullable(uri.getPath()).orElse("").startsWith(basePath);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The host of a URL; java.net.URI gives none for a host that is neither a strict IPv4 address nor a valid name
     * ({@code 127.1}, {@code 2130706433}), which HTTP clients still connect to: then it is read from the authority.
     */
    private static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.startsWith("[")) {
            return authority.substring(0, authority.indexOf(']') + 1);
        }
        int colon = authority.indexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /**
     * Whether a URL host names this machine, in any of the forms an HTTP client accepts: {@code localhost} (and
     * {@code *.localhost}, with or without the final dot), IPv4 loopback 127/8 and 0.0.0.0 also in the short, decimal,
     * octal and hex forms of inet_aton ({@code 127.1}, {@code 2130706433}, {@code 0x7f.1}), and IPv6 {@code ::1},
     * {@code ::} and IPv4-mapped loopback ({@code ::ffff:127.0.0.1}). No name is resolved.
     */
    static boolean loopback(String rawHost) {
        if (rawHost == null || rawHost.isEmpty()) {
            return false;
        }
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.contains(":")) {
            try {
                // an IPv6 literal: parsed, never resolved
                java.net.InetAddress a = java.net.InetAddress.getByName(host.replaceFirst("%.*$", ""));
                return a.isLoopbackAddress() || a.isAnyLocalAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        Long v4 = inetAton(host);
        return v4 != null && ((v4 >>> 24) == 127 || v4 == 0);
    }

    /** The IPv4 address of an inet_aton literal (1 to 4 parts, decimal, 0-octal or 0x-hex), null if not one. */
    private static Long inetAton(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            try {
                if (p.startsWith("0x")) {
                    values[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    values[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    values[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return null;
            }
            if (values[i] < 0 || p.length() > 12) {
                return null;
            }
        }
        int last = parts.length - 1;
        long address = 0;
        for (int i = 0; i < last; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (24 - 8 * i);
        }
        long max = last == 0 ? 0xffffffffL : (1L << (8 * (4 - last))) - 1;
        if (values[last] > max) {
            return null;
        }
        return address | values[last];
    }

    private void checkStore(List<String> problems) {
        Optional<String> jdbcUrl = config.apply("quarkus.datasource.pg.jdbc.url");
        if (jdbcUrl.isEmpty() || !jdbcUrl.get().startsWith("jdbc:postgresql:")) {
            problems.add("PostgreSQL missing: set quarkus.datasource.pg.jdbc.url (GATEWAY_DB_URL) to a jdbc:postgresql: URL");
        }
        boolean pgActive = config.apply("quarkus.datasource.pg.active").map(Boolean::parseBoolean).orElse(false);
        boolean h2Active = config.apply("quarkus.datasource.h2.active").map(Boolean::parseBoolean).orElse(true);
        if (!pgActive || h2Active) {
            problems.add("PostgreSQL must be the active store (quarkus.datasource.pg.active=true, "
                    + "quarkus.datasource.h2.active=false): the embedded H2 store is for the sandbox only");
        }
    }

    private void checkPartnersFile(List<String> problems) {
        Optional<String> file = config.apply("gateway.security.partners-file");
        if (file.isEmpty()) {
            problems.add("partners file missing: set gateway.security.partners-file (GATEWAY_SECURITY_PARTNERS_FILE)");
        } else if (!readableFile.test(file.get())) {
            problems.add("partners file not readable: gateway.security.partners-file=" + file.get());
        }
    }

    /**
     * Behind an ingress every request's TCP peer is the ingress: without its address range as trusted proxies, the
     * partners' IP allowlists and the per-IP rate limit would see the ingress instead of the partner (every partner
     * refused, or one anonymous caller spending everyone's per-IP budget). {@code none} states that nothing is in
     * front of the gateway.
     */
    private void checkClientAddresses(List<String> problems) {
        if (config.apply("gateway.security.trusted-proxies").isEmpty()) {
            problems.add("trusted proxies missing: set gateway.security.trusted-proxies (GATEWAY_SECURITY_TRUSTED_PROXIES)"
                    + " to the ingress controller's address range, or to none when nothing is in front of the gateway");
        }
    }

    /** The admin surface moves money (reconcile) and redelivers webhooks: unset disables it, a short token is refused. */
    private void checkAdminToken(List<String> problems) {
        config.apply("gateway.admin.token").filter(token -> token.length() < MIN_ADMIN_TOKEN)
                .ifPresent(token -> problems.add("admin token too short: gateway.admin.token (GATEWAY_ADMIN_TOKEN) needs"
                        + " at least " + MIN_ADMIN_TOKEN + " random characters (e.g. openssl rand -hex 32), or leave it"
                        + " unset to switch the admin endpoints off"));
    }

    private void checkSigningKeyFile(List<String> problems) {
        // Optional here (the signer decides whether it may run without one), but a configured path must work.
        config.apply("gateway.security.signing-key-file")
                .filter(file -> !readableFile.test(file))
                .ifPresent(file -> problems.add("signing key file not readable: gateway.security.signing-key-file=" + file));
    }
}
