package io.anygate.txsim;

import java.math.BigDecimal;
import java.util.List;

/**
 * The seeded, read-only catalogue of docs/tx-contract.md: contract types with their limits, card products,
 * designs, restriction profiles and subject types.
 */
final class Catalogue {

    static final String CREDIT_CLASS = "Credit contracts";

    /** A contract type; a null limit means none. */
    record ContractType(long id, String rid, String name, BigDecimal maxBalance, BigDecimal maxPerTransfer) {
    }

    /** Any other catalogue entry: id, rid, name. */
    record Entry(long id, String rid, String name) {
    }

    static final List<ContractType> CONTRACT_TYPES = List.of(
            new ContractType(100, "CT-ACCOUNT-CONSUMER", "Consumer account", null, null),
            new ContractType(101, "CT-ACCOUNT-BUSINESS", "Business account", null, null),
            new ContractType(102, "CT-CARD", "Card contract", new BigDecimal("10000.00"), new BigDecimal("5000.00")));

    static final List<Entry> CARD_PRODUCTS = List.of(
            new Entry(200, "CP-PHYSICAL", "Physical card"),
            new Entry(201, "CP-VIRTUAL", "Virtual card"));

    static final List<Entry> DESIGNS = List.of(new Entry(300, "DES-STANDARD", "Standard design"));

    static final List<Entry> RESTRICTION_PROFILES = List.of(
            new Entry(400, "RP-ALL", "No restriction"),
            new Entry(401, "RP-NO-POS", "No POS purchases"),
            new Entry(402, "RP-NO-ATM", "No ATM withdrawals"),
            new Entry(403, "RP-NO-POS-ATM", "No POS purchases nor ATM withdrawals"));

    static final List<Entry> SUBJECT_TYPES = List.of(
            new Entry(500, "Person", "Person"),
            new Entry(501, "Corporation", "Corporation"));

    private Catalogue() {
    }

    static ContractType contractType(Long id, String rid, String field) {
        for (ContractType t : CONTRACT_TYPES) {
            if ((id == null || t.id() == id) && (rid == null || t.rid().equals(rid))) {
                return t;
            }
        }
        throw TxSimException.notFound(field + ": no such contract type");
    }

    static Entry entry(List<Entry> entries, Long id, String rid, String field) {
        for (Entry e : entries) {
            if ((id == null || e.id() == id) && (rid == null || e.rid().equals(rid))) {
                return e;
            }
        }
        throw TxSimException.notFound(field + ": no such " + field.substring(field.lastIndexOf('.') + 1));
    }
}
