package io.anygate.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads and validates the partners file (JSON, see docs/operations.md). Every problem is reported with the
 * entry it concerns ({@code partners[2] (client_id=abc): ...}); a file with any problem is refused whole.
 */
public final class PartnersFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PartnersFile() {
    }

    public static List<Partner> parse(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("partners file is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("partners file is unreadable: " + e.getMessage());
        }
        if (root == null || !root.path("partners").isArray()) {
            throw new IllegalArgumentException("partners file needs a top-level \"partners\" array");
        }
        List<Partner> partners = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> clientIds = new HashSet<>();
        Set<String> usernames = new HashSet<>();
        int index = 0;
        for (JsonNode node : root.get("partners")) {
            String where = "partners[" + index + "]" + (node.hasNonNull("client_id")
                    ? " (client_id=" + node.get("client_id").asText() + ")" : "");
            try {
                Partner partner = partner(node);
                if (!ids.add(partner.partnerId())) {
                    throw new IllegalArgumentException("duplicate partner_id " + partner.partnerId());
                }
                if (!clientIds.add(partner.clientId())) {
                    throw new IllegalArgumentException("duplicate client_id");
                }
                if (!usernames.add(partner.username())) {
                    throw new IllegalArgumentException("duplicate username " + partner.username());
                }
                partners.add(partner);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            index++;
        }
        return partners;
    }

    static Partner partner(JsonNode node) {
        String username = text(node, "username");
        List<PartnerKey> keys = new ArrayList<>();
        JsonNode pems = node.path("public_keys");
        if (!pems.isArray() || pems.isEmpty()) {
            throw new IllegalArgumentException("public_keys must list at least one PEM RSA public key");
        }
        for (int i = 0; i < pems.size(); i++) {
            try {
                keys.add(RsaPublicKeys.parse(pems.get(i).asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("public_keys[" + i + "]: " + e.getMessage());
            }
        }
        List<IpRange> ips = new ArrayList<>();
        JsonNode allowed = node.path("allowed_ips");
        if (!allowed.isArray() || allowed.isEmpty()) {
            throw new IllegalArgumentException("allowed_ips must list at least one address or CIDR");
        }
        allowed.forEach(ip -> ips.add(IpRange.parse(ip.asText())));
        Set<String> functionalities = new LinkedHashSet<>();
        node.path("functionalities").forEach(f -> functionalities.add(f.asText()));
        JsonNode limits = node.path("limits");
        return new Partner(
                node.hasNonNull("partner_id") ? text(node, "partner_id") : username,
                text(node, "client_id"),
                bcrypt(node, "client_secret_hash"),
                username,
                bcrypt(node, "password_hash"),
                List.copyOf(keys),
                List.copyOf(ips),
                Optional.ofNullable(node.hasNonNull("webhook_url") ? node.get("webhook_url").asText() : null),
                node.path("allow_private_webhook_targets").asBoolean(false),
                new PartnerLimits(limit(limits, "per_user"), limit(limits, "per_functionality"),
                        loadLimits(limits.path("load")), kycGates(node.path("kyc_gates")),
                        limit(limits, "cards_per_account")),
                Set.copyOf(functionalities));
    }

    /**
     * The KYC gates a partner may turn on ({@code "kyc_gates": {"iban": true, "card_load": true}}): an account needs
     * an accepted KYC before it gets an IBAN or a virtual IBAN ({@code iban}, 4030220), orders a card
     * ({@code card_order}, 4510320), loads a card ({@code card_load}, 4510330) or sends a SEPA credit transfer
     * ({@code credit_transfer}, 4510210). Every gate is off unless set to true.
     */
    static final Set<String> KYC_GATES = java.util.Arrays.stream(io.anygate.domain.iban.KycGates.Gate.values())
            .map(io.anygate.domain.iban.KycGates.Gate::setting).collect(java.util.stream.Collectors.toUnmodifiableSet());

    static Set<String> kycGates(JsonNode gates) {
        if (gates.isMissingNode() || gates.isNull()) {
            return Set.of();
        }
        if (!gates.isObject()) {
            throw new IllegalArgumentException("kyc_gates must be an object");
        }
        Set<String> on = new HashSet<>();
        gates.fields().forEachRemaining(e -> {
            if (!KYC_GATES.contains(e.getKey())) {
                throw new IllegalArgumentException("kyc_gates." + e.getKey() + " is not a known KYC gate " + KYC_GATES);
            }
            if (!e.getValue().isBoolean()) {
                throw new IllegalArgumentException("kyc_gates." + e.getKey() + " must be true or false");
            }
            if (e.getValue().asBoolean()) {
                on.add(e.getKey());
            }
        });
        return on;
    }

    /** {@code limits.load}: amounts as JSON numbers or decimal strings, all optional, all positive. */
    static PartnerLoadLimits loadLimits(JsonNode load) {
        if (load.isMissingNode() || load.isNull()) {
            return PartnerLoadLimits.NONE;
        }
        if (!load.isObject()) {
            throw new IllegalArgumentException("limits.load must be an object");
        }
        Set<String> known = Set.of("min_amount", "max_amount", "per_day", "per_four_days", "per_week", "per_month",
                "per_year", "loads_per_day");
        load.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("limits.load." + name + " is not a known load limit " + known);
            }
        });
        OptionalLong loads = limit(load, "loads_per_day");
        if (loads.isPresent() && loads.getAsLong() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("limits.load.loads_per_day is too large");
        }
        return new PartnerLoadLimits(amount(load, "min_amount"), amount(load, "max_amount"), amount(load, "per_day"),
                amount(load, "per_four_days"), amount(load, "per_week"), amount(load, "per_month"),
                amount(load, "per_year"),
                loads.isPresent() ? OptionalInt.of((int) loads.getAsLong()) : OptionalInt.empty());
    }

    private static Optional<BigDecimal> amount(JsonNode load, String field) {
        JsonNode value = load.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
            if (amount.signum() <= 0) {
                throw new NumberFormatException();
            }
            return Optional.of(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limits.load." + field + " must be a positive amount");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.asText();
    }

    /** The bcrypt costs production accepts: 10 at least (PCI), at most 14 (one check ~1.6 s; 31 would take days). */
    static final int MIN_PRODUCTION_COST = 10;
    static final int MAX_PRODUCTION_COST = 14;

    /**
     * Refuses, in production, partners whose hashes are cheaper than {@link #MIN_PRODUCTION_COST} (guessable at
     * speed if the file leaks; the tests' cost-4 hashes must never reach production) or dearer than
     * {@link #MAX_PRODUCTION_COST} (every token request would take seconds of CPU).
     */
    static void requireProductionCosts(List<Partner> partners) {
        for (Partner p : partners) {
            cost(p.partnerId(), "client_secret_hash", p.clientSecretHash());
            cost(p.partnerId(), "password_hash", p.passwordHash());
        }
    }

    private static void cost(String partner, String field, String hash) {
        int cost = Integer.parseInt(hash.substring(4, 6));
        if (cost < MIN_PRODUCTION_COST || cost > MAX_PRODUCTION_COST) {
            throw new IllegalArgumentException("partner " + partner + ": " + field + " has bcrypt cost " + cost
                    + "; production accepts " + MIN_PRODUCTION_COST + " to " + MAX_PRODUCTION_COST);
        }
    }

    private static String bcrypt(JsonNode node, String field) {
        String hash = text(node, field);
        if (!hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
            throw new IllegalArgumentException(field + " must be a bcrypt hash ($2a$/$2b$/$2y$), never a clear secret");
        }
        return hash;
    }

    private static OptionalLong limit(JsonNode limits, String field) {
        JsonNode value = limits.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.canConvertToLong() || value.asLong() <= 0) {
            throw new IllegalArgumentException("limits." + field + " must be a positive integer");
        }
        return OptionalLong.of(value.asLong());
    }
}
