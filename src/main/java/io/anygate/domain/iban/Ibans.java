package io.anygate.domain.iban;

import io.anygate.domain.account.AccountCoreException;
import io.anygate.domain.account.AccountRefused;
import io.anygate.domain.account.Accounts;
import io.anygate.domain.account.OwnedAccount;
import io.anygate.domain.operation.MatchKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.iban4j.CountryCode;
import org.jboss.logging.Logger;

/**
 * Issues an account's IBAN and its virtual IBANs. An IBAN is recorded in the store first (the account number comes
 * from a store sequence, and the store refuses a second main IBAN for an account, so two replicas racing issue one),
 * then written on TX's account contract as attributes. When that write fails the IBAN stays recorded but not on the
 * core: the partner's retry (or any later issue on the account) writes it again under the same matchKey, and until
 * then the IBAN is answered nowhere.
 */
@ApplicationScoped
public class Ibans {

    private static final Logger LOG = Logger.getLogger(Ibans.class);

    @Inject
    Accounts accounts;

    @Inject
    IbanRegistry registry;

    @Inject
    IbanCore core;

    @Inject
    IbanConfig config;

    @Inject
    KycGates gates;

    @Inject
    AccountKyc kyc;

    @Inject
    Clock clock;

    /** The IBANs of an account that the core carries: the main one (if any) and the virtual ones. */
    public record View(Optional<IssuedIban> main, List<IssuedIban> virtuals) {
    }

    /** The account's IBANs as answered to the partner (those written on the core only). */
    public View of(OwnedAccount account) {
        List<IssuedIban> all = registry.ofAccount(account.accountId()).stream().filter(IssuedIban::onCore).toList();
        return new View(all.stream().filter(i -> !i.virtual()).findFirst(),
                all.stream().filter(IssuedIban::virtual).toList());
    }

    /** Issues the account's IBAN in {@code countryCode}; the account may have only one. */
    public IssuedIban issue(String partnerId, long accountId, String countryCode) {
        OwnedAccount a = accounts.owned(partnerId, accountId);
        CountryCode country = IbanNumbers.country(countryCode).filter(c -> bank(c.name()).isPresent())
                .orElseThrow(() -> new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, "country_code",
                        "country_code: IBANs are issued in " + String.join(", ", config.banks().keySet().stream()
                                .map(k -> k.toUpperCase(java.util.Locale.ROOT)).sorted().toList()) + " only"));
        checkKyc(partnerId, accountId);
        Optional<IssuedIban> existing = main(accountId);
        if (existing.isEmpty()) {
            IbanConfig.Bank bank = bank(country.name()).orElseThrow();
            IssuedIban fresh = new IssuedIban(IbanNumbers.build(country, bank, registry.nextNumber()), accountId,
                    partnerId, IssuedIban.Kind.MAIN, country.name(), bank.bic(), false, clock.instant());
            if (!registry.add(fresh)) {
                LOG.debugf("account %d got its IBAN from a concurrent request", accountId);
            }
            existing = main(accountId);
        }
        IssuedIban main = existing.orElseThrow();
        if (main.onCore()) {
            throw new AccountRefused(AccountRefused.Reason.IBAN_ALREADY_EXISTS, "this account has an IBAN already");
        }
        // Recorded, not yet on the core (now, or by an earlier attempt whose TX write failed): write it.
        writeOnCore(a);
        return main.onCoreNow();
    }

    /** Issues a virtual IBAN of type C or D, in the country of the account's IBAN. */
    public IssuedIban issueVirtual(String partnerId, long accountId, IssuedIban.Kind kind) {
        OwnedAccount a = accounts.owned(partnerId, accountId);
        checkKyc(partnerId, accountId);
        IssuedIban main = main(accountId).filter(IssuedIban::onCore).orElseThrow(() -> new AccountRefused(
                AccountRefused.Reason.IBAN_NOT_CREATED, "this account has no IBAN yet: create it first"));
        IbanConfig.Bank bank = bank(main.country()).orElse(null);
        if (bank == null) {
            throw new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, "type",
                    "type: IBANs are no longer issued in " + main.country());
        }
        IssuedIban fresh = new IssuedIban(IbanNumbers.build(CountryCode.valueOf(main.country()), bank,
                registry.nextNumber()), accountId, partnerId, kind, main.country(), bank.bic(), false, clock.instant());
        registry.add(fresh);
        writeOnCore(a);
        return fresh.onCoreNow();
    }

    // The configured bank of a country; keys in any case (an environment variable gives them in lower case).
    private Optional<IbanConfig.Bank> bank(String country) {
        return config.banks().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(country))
                .map(java.util.Map.Entry::getValue).findFirst();
    }

    private void checkKyc(String partnerId, long accountId) {
        if (gates.ibanNeedsKyc(partnerId) && !kyc.accepted(accountId)) {
            throw new AccountRefused(AccountRefused.Reason.IBAN_KYC_INCOMPLETE,
                    "the KYC of this account is not accepted");
        }
    }

    private Optional<IssuedIban> main(long accountId) {
        return registry.ofAccount(accountId).stream().filter(i -> !i.virtual()).findFirst();
    }

    // Writes every IBAN of the account on its contract (one attribute write, keyed by the set it writes), then marks
    // them on the core. A failure leaves them recorded and not on the core, answered 408: the retry writes them.
    private void writeOnCore(OwnedAccount a) {
        List<IssuedIban> all = registry.ofAccount(a.accountId());
        MatchKey key = new MatchKey("agw-ibans-" + a.accountId() + "-" + all.size());
        try {
            core.recordIbans(a.accountId(), all, key);
        } catch (AccountCoreException e) {
            LOG.warnf("IBAN attributes of account %d not written (%s): %s", a.accountId(), e.kind(), e.getMessage());
            throw new AccountRefused(AccountRefused.Reason.CORE_UNAVAILABLE,
                    "the card processor did not take the IBAN; retry");
        }
        all.stream().filter(i -> !i.onCore()).forEach(i -> registry.markOnCore(i.iban()));
    }
}
