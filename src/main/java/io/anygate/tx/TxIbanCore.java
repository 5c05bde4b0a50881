package io.anygate.tx;

import io.anygate.domain.iban.IbanCore;
import io.anygate.domain.iban.IssuedIban;
import io.anygate.domain.operation.MatchKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's IBANs on its TX account contract, as contract user attributes (docs/tx-contract.md): {@code AGW-IBAN}
 * the main IBAN, {@code AGW-VIBAN-C} / {@code AGW-VIBAN-D} each virtual one (one attribute per IBAN, in issue order).
 * {@code PUT contract} replaces the contract's attributes, so the write reads the contract and sends back its name,
 * currency and every attribute that is not an IBAN.
 */
@ApplicationScoped
public class TxIbanCore implements IbanCore {

    static final String IBAN_ATTR = "AGW-IBAN";
    static final String VIRTUAL_ATTR_PREFIX = "AGW-VIBAN-";

    @Inject
    TxContracts contracts;

    @Override
    public void recordIbans(long contractId, List<IssuedIban> ibans, MatchKey key) {
        TxAccountCore.call(() -> {
            Contract current = contracts.contract(ContractRef.ofId(contractId));
            List<UserAttr> attrs = new ArrayList<>();
            if (current.userAttrs() != null) {
                current.userAttrs().stream().filter(a -> a.rid() == null || !isIbanAttr(a.rid())).forEach(attrs::add);
            }
            for (IssuedIban i : ibans) {
                attrs.add(new UserAttr(i.virtual() ? VIRTUAL_ATTR_PREFIX + i.kind().code() : IBAN_ATTR, i.iban()));
            }
            ContractDetails d = current.details();
            Contract update = new Contract(new ContractRef(contractId, current.ref().rid(), null), null, null, null,
                    d == null ? null : new ContractDetails(null, d.name(), null, d.mainCcy(), null, null), attrs);
            return contracts.putContract(update, TxMatchKey.of(key.value()));
        });
    }

    private static boolean isIbanAttr(String rid) {
        return rid.equals(IBAN_ATTR) || rid.startsWith(VIRTUAL_ATTR_PREFIX);
    }
}
