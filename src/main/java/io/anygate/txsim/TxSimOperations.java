package io.anygate.txsim;

import java.util.List;

/** The operation names fault injection rules address ({@code resource.action}), as docs/tx-contract.md lists them. */
final class TxSimOperations {

    static final List<String> ALL = List.of(
            "ping",
            "subject.get", "subject.put", "subject.notification", "subjectDocument.get", "subjectDocument.put",
            "subjectDocuments.list",
            "contract.get", "contract.put", "contract.activate", "contract.close", "contract.balance", "contract.cards",
            "contracts.list", "contract2contract.get", "contract2contract.put", "contract2contract.delete",
            "contract2contracts.list", "card.get", "card.put", "card.delete", "card.pan", "card.cvv2", "card.pin",
            "card.reissue", "cards.list", "tran.account2account", "tran.account2card", "tran.card2account",
            "tran.account2fi", "tran.fi2account", "tran.reversal", "tran.purchase", "tran.get", "trans.list", "contractTypes.list",
            "cardProducts.list");

    private TxSimOperations() {
    }
}
