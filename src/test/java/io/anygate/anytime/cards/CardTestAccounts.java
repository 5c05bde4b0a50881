package io.anygate.anytime.cards;

import static io.restassured.RestAssured.given;

import io.anygate.domain.account.AccountOwnership;
import io.anygate.domain.account.OwnedAccount;
import io.anygate.tx.CatalogueRef;
import io.anygate.tx.Contract;
import io.anygate.tx.ContractDetails;
import io.anygate.tx.ContractRef;
import io.anygate.tx.MatchKey;
import io.anygate.tx.Subject;
import io.anygate.tx.SubjectDetails;
import io.anygate.tx.SubjectRef;
import io.anygate.tx.TxContracts;
import io.anygate.tx.TxSubjects;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Opens an account for card tests directly in TX and the store (not through the accounts endpoint): a Person
 * subject, an account contract, activated, funded through the simulator's {@code PUT contract/balance}, then
 * registered as the partner's.
 */
@Singleton
public class CardTestAccounts {

    @Inject
    TxSubjects subjects;
    @Inject
    TxContracts contracts;
    @Inject
    AccountOwnership ownership;

    /** An opened account: its acc_id and its cardholder. */
    public record Opened(long accountId, long holderSubjectId) {
    }

    public Opened open(String partnerId, boolean business, BigDecimal balance) {
        String op = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Subject person = new Subject(SubjectRef.ofRid("T-S-" + op), CatalogueRef.ofRid("Person"), Subject.PERSON,
                SubjectDetails.person("Anne", "Martin", LocalDate.of(1985, 3, 2), "Female", null,
                        List.of("anne@example.com"), List.of("33600000000"), null));
        long holder = subjects.putSubject(person, MatchKey.of("t-s-" + op)).objectId();
        String type = business ? "CT-ACCOUNT-BUSINESS" : "CT-ACCOUNT-CONSUMER";
        Contract account = new Contract(ContractRef.ofRid("T-A-" + op), null, CatalogueRef.ofRid(type),
                SubjectRef.ofId(holder), new ContractDetails(null, "Account", null, "EUR", null, null), null);
        long accountId = contracts.putContract(account, MatchKey.of("t-a-" + op)).objectId();
        contracts.activate(ContractRef.ofId(accountId), MatchKey.of("t-act-" + op));
        given().auth().preemptive().basic("tx-sandbox", "tx-sandbox-secret").contentType("application/json")
                .queryParam("ref[id]", accountId).queryParam("accountRole", "Main").queryParam("ccy", "EUR")
                .body("{\"balance\": " + balance.toPlainString() + ", \"tranRq\": {\"match\": {\"key\": \"t-b-" + op
                        + "\"}}}")
                .put("/txsim/tx/v1/contract/balance").then().statusCode(200);
        ownership.register(new OwnedAccount(accountId, partnerId, business ? "business" : "consumer", "EUR", holder,
                null), op.substring(0, 20) + "000000");
        return new Opened(accountId, holder);
    }

    /** The available balance of a TX contract. */
    public BigDecimal balance(long contractId) {
        return contracts.contract(ContractRef.ofId(contractId)).details().balances().available();
    }
}
