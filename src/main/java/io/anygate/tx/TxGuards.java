package io.anygate.tx;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fault tolerance of every TX operation, declared once: one SmallRye {@link Guard} per operation, in which
 * {@link TxOperationInterceptor} runs the operation (not {@code @ApplyGuard}: see there why). Each guard is built
 * from one of two templates, a read or a write, that differ only in the per-attempt timeout and the budget of all
 * attempts ({@link TxPolicy}); everything else (what is retried and how often, what the breaker counts, the
 * bulkhead) comes from the {@code quarkus.fault-tolerance.global.*} keys in application.properties, which apply to
 * every guard.
 *
 * <p>Each operation has a guard of its own, so it keeps its own circuit breaker and bulkhead, as a method with
 * annotations would. A guard's identifier is the operation's method key, {@code <class>/<method>}, so that the
 * per-operation override keys operators already use keep working, e.g.
 * {@code quarkus.fault-tolerance."io.anygate.tx.TxCardCalls/cardAsync".timeout.value=3000}; its description, the
 * {@code method} tag of the {@code ft_*} metrics, is the method's name as before. TxGuardsTest checks that each
 * guard guards the one method its identifier names.
 *
 * <p>Built at start-up ({@link Startup}): a guard registers its breaker's name when it is built, and the readiness
 * probe and {@code CircuitBreakerMaintenance} must know every breaker before the first TX call, as they did when
 * the breakers were declared by annotations.
 */
@Startup
@Singleton
final class TxGuards {

    /** The breaker names, in declaration order; filled as the guards below are built, so declared first. */
    private static final List<String> BREAKERS = new ArrayList<>();

    @Produces @Identifier("io.anygate.tx.TxSubjects/subjectAsync")
    static final Guard SUBJECT_GET = read("io.anygate.tx.TxSubjects/subjectAsync", "tx-subject-get");
    @Produces @Identifier("io.anygate.tx.TxSubjects/putSubject")
    static final Guard SUBJECT_PUT = write("io.anygate.tx.TxSubjects/putSubject", "tx-subject-put");
    @Produces @Identifier("io.anygate.tx.TxSubjects/updateSubject")
    static final Guard SUBJECT_UPDATE = write("io.anygate.tx.TxSubjects/updateSubject", "tx-subject-update");
    @Produces @Identifier("io.anygate.tx.TxSubjects/notify")
    static final Guard SUBJECT_NOTIFY = write("io.anygate.tx.TxSubjects/notify", "tx-subject-notification");
    @Produces @Identifier("io.anygate.tx.TxSubjects/putDocument")
    static final Guard SUBJECT_DOCUMENT_PUT = write("io.anygate.tx.TxSubjects/putDocument", "tx-subject-document-put");

    @Produces @Identifier("io.anygate.tx.TxContracts/contractAsync")
    static final Guard CONTRACT_GET = read("io.anygate.tx.TxContracts/contractAsync", "tx-contract-get");
    @Produces @Identifier("io.anygate.tx.TxContracts/putContract")
    static final Guard CONTRACT_PUT = write("io.anygate.tx.TxContracts/putContract", "tx-contract-put");
    @Produces @Identifier("io.anygate.tx.TxContracts/activate")
    static final Guard CONTRACT_ACTIVATE = write("io.anygate.tx.TxContracts/activate", "tx-contract-activate");
    @Produces @Identifier("io.anygate.tx.TxContracts/finish")
    static final Guard CONTRACT_FINISH = write("io.anygate.tx.TxContracts/finish", "tx-contract-finish");
    @Produces @Identifier("io.anygate.tx.TxContracts/close")
    static final Guard CONTRACT_CLOSE = write("io.anygate.tx.TxContracts/close", "tx-contract-close");
    @Produces @Identifier("io.anygate.tx.TxContracts/contracts")
    static final Guard CONTRACT_LIST = read("io.anygate.tx.TxContracts/contracts", "tx-contract-list");
    @Produces @Identifier("io.anygate.tx.TxContracts/link")
    static final Guard CONTRACT_LINK_PUT = write("io.anygate.tx.TxContracts/link", "tx-contract-link-put");
    @Produces @Identifier("io.anygate.tx.TxContracts/setBalance")
    static final Guard CONTRACT_BALANCE = write("io.anygate.tx.TxContracts/setBalance", "tx-contract-balance");

    @Produces @Identifier("io.anygate.tx.TxCardCalls/cardAsync")
    static final Guard CARD_GET = read("io.anygate.tx.TxCardCalls/cardAsync", "tx-card-get");
    @Produces @Identifier("io.anygate.tx.TxCardCalls/updateCard")
    static final Guard CARD_UPDATE = write("io.anygate.tx.TxCardCalls/updateCard", "tx-card-update");
    @Produces @Identifier("io.anygate.tx.TxCardCalls/putCard")
    static final Guard CARD_PUT = write("io.anygate.tx.TxCardCalls/putCard", "tx-card-put");
    @Produces @Identifier("io.anygate.tx.TxCardCalls/cards")
    static final Guard CARD_LIST = read("io.anygate.tx.TxCardCalls/cards", "tx-card-list");
    @Produces @Identifier("io.anygate.tx.TxCardCalls/pan")
    static final Guard CARD_PAN = read("io.anygate.tx.TxCardCalls/pan", "tx-card-pan");
    @Produces @Identifier("io.anygate.tx.TxCardCalls/cvv2")
    static final Guard CARD_CVV2 = read("io.anygate.tx.TxCardCalls/cvv2", "tx-card-cvv2");
    @Produces @Identifier("io.anygate.tx.TxCardCalls/pin")
    static final Guard CARD_PIN = read("io.anygate.tx.TxCardCalls/pin", "tx-card-pin");
    @Produces @Identifier("io.anygate.tx.TxCardCalls/reissue")
    static final Guard CARD_REISSUE = write("io.anygate.tx.TxCardCalls/reissue", "tx-card-reissue");
    @Produces @Identifier("io.anygate.tx.TxCardCalls/deleteCard")
    static final Guard CARD_DELETE = write("io.anygate.tx.TxCardCalls/deleteCard", "tx-card-delete");

    @Produces @Identifier("io.anygate.tx.TxTransfers/account2account")
    static final Guard TRAN_A2A = write("io.anygate.tx.TxTransfers/account2account", "tx-tran-account2account");
    @Produces @Identifier("io.anygate.tx.TxTransfers/fi2account")
    static final Guard TRAN_FI2A = write("io.anygate.tx.TxTransfers/fi2account", "tx-tran-fi2account");
    @Produces @Identifier("io.anygate.tx.TxTransfers/account2fi")
    static final Guard TRAN_A2FI = write("io.anygate.tx.TxTransfers/account2fi", "tx-tran-account2fi");
    @Produces @Identifier("io.anygate.tx.TxTransfers/account2card")
    static final Guard TRAN_A2C = write("io.anygate.tx.TxTransfers/account2card", "tx-tran-account2card");
    @Produces @Identifier("io.anygate.tx.TxTransfers/card2account")
    static final Guard TRAN_C2A = write("io.anygate.tx.TxTransfers/card2account", "tx-tran-card2account");
    @Produces @Identifier("io.anygate.tx.TxTransfers/tran")
    static final Guard TRAN_GET = read("io.anygate.tx.TxTransfers/tran", "tx-tran-get");
    @Produces @Identifier("io.anygate.tx.TxTransfers/tranByMatchKey")
    static final Guard TRAN_BY_MATCH_KEY = read("io.anygate.tx.TxTransfers/tranByMatchKey", "tx-tran-by-match-key");
    @Produces @Identifier("io.anygate.tx.TxTransfers/trans")
    static final Guard TRAN_LIST = read("io.anygate.tx.TxTransfers/trans", "tx-tran-list");

    /** The readiness probe's ping: one attempt with a short timeout, no retry, no breaker (how TX is seen back). */
    @Produces @Identifier("io.anygate.tx.TxPing/ping")
    static final Guard PING = Guard.create()
            .withDescription("io.anygate.tx.TxPing.ping")
            .withTimeout().duration(TxPolicy.PING_TIMEOUT_MS, ChronoUnit.MILLIS).done()
            .build();

    /** Names of all TX circuit breakers, one per operation that has one (all but the ping). */
    static List<String> breakerNames() {
        return Collections.unmodifiableList(BREAKERS);
    }

    private static Guard read(String method, String breaker) {
        return guard(method, breaker, TxPolicy.READ_TIMEOUT_MS, TxPolicy.READ_MAX_DURATION_MS);
    }

    private static Guard write(String method, String breaker) {
        return guard(method, breaker, TxPolicy.WRITE_TIMEOUT_MS, TxPolicy.WRITE_MAX_DURATION_MS);
    }

    private static Guard guard(String method, String breaker, long timeoutMs, long maxDurationMs) {
        BREAKERS.add(breaker);
        return Guard.create()
                .withDescription(method.replace('/', '.'))
                .withTimeout().duration(timeoutMs, ChronoUnit.MILLIS).done()
                .withRetry().maxDuration(maxDurationMs, ChronoUnit.MILLIS).done()
                .withCircuitBreaker().name(breaker).done()
                .withBulkhead().done()
                .build();
    }
}
