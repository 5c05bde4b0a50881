package io.anygate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnersFileTest {

    static byte[] testFile() throws Exception {
        return Files.readAllBytes(Path.of("src/test/resources/partners/test-partners.json"));
    }

    @Test
    void testPartnersFileLoadsBothPemForms() throws Exception {
        List<Partner> partners = PartnersFile.parse(testFile());
        assertEquals(12, partners.size());
        assertEquals(2, partners.stream().filter(p -> p.partnerId().equals("pi")).findFirst().orElseThrow()
                .limits().cardsPerAccount().getAsLong());
        Partner mu = partners.stream().filter(p -> p.partnerId().equals("mu")).findFirst().orElseThrow();
        assertEquals(java.util.Set.of("iban", "card_order", "card_load", "credit_transfer"), partners.stream()
                .filter(p -> p.partnerId().equals("omicron"))
                .findFirst().orElseThrow().limits().kycGates());
        assertTrue(mu.limits().kycGates().isEmpty(), "every KYC gate is off unless the file turns it on");
        assertEquals(new java.math.BigDecimal("2.00"), mu.limits().load().minAmount().orElseThrow());
        assertEquals(0, new java.math.BigDecimal("100").compareTo(mu.limits().load().maxAmount().orElseThrow()));
        assertEquals(4, mu.limits().load().loadsPerDay().getAsInt());
        assertTrue(partners.stream().filter(p -> p.partnerId().equals("delta")).findFirst().orElseThrow()
                .limits().load().perDay().isEmpty());
        assertTrue(mu.limits().cardsPerAccount().isEmpty(), "no cap on an account's cards unless set");
        Partner gamma = partners.stream().filter(p -> p.partnerId().equals("gamma")).findFirst().orElseThrow();
        assertEquals(2, gamma.keys().size());
        Partner beta = partners.stream().filter(p -> p.partnerId().equals("beta")).findFirst().orElseThrow();
        assertEquals("RSA", beta.keys().get(0).publicKey().getAlgorithm());
    }

    @Test
    void anUnknownKycGateIsRefused() throws Exception {
        String text = new String(testFile(), StandardCharsets.UTF_8).replace("\"iban\": true", "\"ibna\": true");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartnersFile.parse(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("kyc_gates.ibna is not a known KYC gate"), e.getMessage());
    }

    @Test
    void badEntryIsNamed() throws Exception {
        String text = new String(testFile(), StandardCharsets.UTF_8).replaceFirst("\"10.0.0.0/8\"", "\"10.0.0.0/99\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartnersFile.parse(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("partners[2] (client_id=gamma-client)"), e.getMessage());
        String clear = new String(testFile(), StandardCharsets.UTF_8)
                .replaceFirst("\"client_secret_hash\": \"[^\"]+\"", "\"client_secret_hash\": \"plain-secret\"");
        e = assertThrows(IllegalArgumentException.class, () -> PartnersFile.parse(clear.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("partners[0] (client_id=alpha-client): client_secret_hash must be a bcrypt hash"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PartnersFile.parse("{".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBadCardCapIsNamed() throws Exception {
        String text = new String(testFile(), StandardCharsets.UTF_8).replace("\"cards_per_account\": 2",
                "\"cards_per_account\": 0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartnersFile.parse(text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("limits.cards_per_account must be a positive integer"), e.getMessage());
    }

    @Test
    void badLoadLimitsAreNamed() throws Exception {
        String text = new String(testFile(), StandardCharsets.UTF_8);
        String negative = text.replaceFirst("\"per_week\": \"250\"", "\"per_week\": \"-1\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartnersFile.parse(negative.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("(client_id=mu-client): limits.load.per_week must be a positive amount"),
                e.getMessage());
        String unknown = text.replaceFirst("\"per_week\"", "\"per_fortnight\"");
        e = assertThrows(IllegalArgumentException.class,
                () -> PartnersFile.parse(unknown.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("limits.load.per_fortnight is not a known load limit"), e.getMessage());
    }

    @Test
    void productionRefusesTheTestsCheapHashesAndAbsurdlyDearOnes() throws Exception {
        List<Partner> partners = PartnersFile.parse(testFile());
        IllegalArgumentException cheap = assertThrows(IllegalArgumentException.class,
                () -> PartnersFile.requireProductionCosts(partners));
        assertTrue(cheap.getMessage().contains("bcrypt cost 4") && cheap.getMessage().contains("10 to 14"),
                cheap.getMessage());
        Partner first = partners.get(0);
        String salt = "$2b$12$" + first.clientSecretHash().substring(7);
        Partner strong = withHashes(first, salt, "$2b$10$" + first.passwordHash().substring(7));
        PartnersFile.requireProductionCosts(List.of(strong));
        Partner absurd = withHashes(first, "$2b$31$" + first.clientSecretHash().substring(7), strong.passwordHash());
        assertThrows(IllegalArgumentException.class, () -> PartnersFile.requireProductionCosts(List.of(absurd)));
    }

    private static Partner withHashes(Partner p, String clientSecretHash, String passwordHash) {
        return new Partner(p.partnerId(), p.clientId(), clientSecretHash, p.username(), passwordHash, p.keys(),
                p.allowedIps(), p.webhookUrl(), p.allowPrivateWebhookTargets(), p.limits(), p.functionalities());
    }
}
