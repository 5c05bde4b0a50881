package io.anygate.domain.account;

import io.anygate.GatewayConfig;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.iban.IbanMovement;
import io.anygate.domain.iban.IbanRegistry;
import io.anygate.domain.money.TransactionComments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The statement of an account: the money movements of its TX account contract, newest first, each with the
 * account balance after it. TX gives neither a balance per transaction nor a total count, so both are computed
 * by reading the contract's transactions newest first from the first requested day (TX {@code filter[begTime]};
 * the end day is filtered here because every newer movement is needed for the balance), at most
 * {@code gateway.mapping.statement-scan-limit} of them: the balance after a line is the current available
 * balance minus the signed amounts of every newer movement; {@code total} counts the matching lines.
 */
@ApplicationScoped
public class AccountStatements {

    private static final int TX_PAGE = 1000;

    @Inject
    Accounts accounts;

    @Inject
    AccountCore core;

    @Inject
    AccountMappingConfig config;
    @Inject
    GatewayConfig gateway;

    @Inject
    TransactionComments comments;

    @Inject
    IbanRegistry ibans;

    /**
     * A transaction of the account, the balance after it, when it is one of the partner's card loads or unloads the
     * partner's account-side comment on it (else null), and when money went through one of the account's IBANs the
     * IBAN movement (else null).
     */
    public record Entry(CoreTransaction transaction, BigDecimal balanceAfter, String comment, IbanMovement iban) {

        public Entry(CoreTransaction transaction, BigDecimal balanceAfter, String comment) {
            this(transaction, balanceAfter, comment, null);
        }
    }

    /** A page of lines and the exact count of matching lines. */
    public record Page(OwnedAccount account, List<Entry> entries, long total) {
    }

    /**
     * Lines registered on Paris days {@code firstDay}..{@code lastDay} (either may be null), newest first.
     */
    public Page list(String partnerId, long accountId, LocalDate firstDay, LocalDate lastDay, long offset,
            int limit) {
        return page(partnerId, accountId, firstDay, lastDay, offset, limit, null);
    }

    /**
     * The IBAN statement: the lines of money that went through the account's IBANs, with the same day filters,
     * pagination and balances as {@link #list}.
     */
    public Page ibanList(String partnerId, long accountId, LocalDate firstDay, LocalDate lastDay, long offset,
            int limit) {
        OwnedAccount a = accounts.owned(partnerId, accountId);
        Set<Long> moved = Set.copyOf(ibans.movementTranIds(a.accountId()));
        return page(partnerId, accountId, firstDay, lastDay, offset, limit, t -> moved.contains(t.id()));
    }

    private Page page(String partnerId, long accountId, LocalDate firstDay, LocalDate lastDay, long offset, int limit,
            Predicate<CoreTransaction> only) {
        OwnedAccount a = accounts.owned(partnerId, accountId);
        Instant from = firstDay == null ? null : firstDay.atStartOfDay(AnytimeDates.ANYTIME_ZONE).toInstant();
        Instant until = lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(AnytimeDates.ANYTIME_ZONE).toInstant();
        List<Entry> matching = Accounts.guarded(() -> scan(a.accountId(), from, until, -1));
        if (only != null) {
            matching = matching.stream().filter(e -> only.test(e.transaction())).toList();
        }
        int start = (int) Math.min(offset, matching.size());
        int end = Math.min(matching.size(), start + limit);
        return new Page(a, withIbans(a.accountId(), withComments(partnerId, matching.subList(start, end))),
                matching.size());
    }

    /** One line; STATEMENT_NOT_FOUND when TX has no such transaction or it does not touch the account. */
    public Entry line(String partnerId, long accountId, long tranId) {
        OwnedAccount a = accounts.owned(partnerId, accountId);
        CoreTransaction t = Accounts.guarded(() -> core.transaction(tranId)).orElseThrow(AccountStatements::notFound);
        if (!touches(t, a.accountId())) {
            throw notFound();
        }
        Instant at = t.regTime().atZone(txZone()).toInstant();
        Entry entry = Accounts.guarded(() -> scan(a.accountId(), at, null, tranId)).stream().findFirst()
                .orElseGet(() -> new Entry(t, null, null));
        return withIbans(a.accountId(), withComments(partnerId, List.of(entry))).get(0);
    }

    /** The entries with the IBAN movement of each that went through one of the account's IBANs. */
    private List<Entry> withIbans(long accountId, List<Entry> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, IbanMovement> byTran = ibans.movements(accountId,
                page.stream().map(e -> e.transaction().id()).toList());
        if (byTran.isEmpty()) {
            return page;
        }
        return page.stream().map(e -> new Entry(e.transaction(), e.balanceAfter(), e.comment(),
                byTran.get(e.transaction().id()))).toList();
    }

    // The comments of a page's card loads and unloads, from the journal in one read (TX keeps no free text).
    private List<Entry> withComments(String partnerId, List<Entry> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, String> byTran = comments.accountSide(partnerId,
                page.stream().map(e -> e.transaction().id()).toList());
        return page.stream().map(e -> new Entry(e.transaction(), e.balanceAfter(), byTran.get(e.transaction().id())))
                .toList();
    }

    // Newest first from `from`; keeps lines before `until` (or only `onlyId` when >= 0).
    private List<Entry> scan(long contractId, Instant from, Instant until, long onlyId) {
        BigDecimal running = core.contract(contractId).available();
        List<Entry> out = new ArrayList<>();
        int read = 0;
        boolean more = true;
        while (more && read < config.statementScanLimit()) {
            int limit = Math.min(TX_PAGE, config.statementScanLimit() - read);
            CorePage<CoreTransaction> page = core.transactions(contractId, from, read, limit);
            for (CoreTransaction t : page.items()) {
                if (!touches(t, contractId)) {
                    continue;
                }
                boolean keep = onlyId >= 0 ? t.id() == onlyId
                        : until == null || t.regTime().atZone(txZone()).toInstant().isBefore(until);
                if (keep) {
                    out.add(new Entry(t, running, null));
                }
                if (t.movesMoney() && t.amount() != null) {
                    BigDecimal amount = t.amount().abs();
                    running = t.directionFor(contractId) == CoreTransaction.Direction.CREDIT
                            ? running.subtract(amount) : running.add(amount);
                }
            }
            read += page.items().size();
            more = page.hasMore() && !page.items().isEmpty();
            if (onlyId >= 0 && !out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    private ZoneId txZone() {
        return gateway.txZone();
    }

    private static boolean touches(CoreTransaction t, long contractId) {
        return (t.srcContractId() != null && t.srcContractId() == contractId)
                || (t.dstContractId() != null && t.dstContractId() == contractId);
    }

    private static AccountRefused notFound() {
        return new AccountRefused(AccountRefused.Reason.STATEMENT_NOT_FOUND, "no such transaction on this account");
    }
}
