package io.anygate.domain.kyc;

import io.anygate.domain.account.AccountRefused;
import io.anygate.domain.account.Accounts;
import io.anygate.domain.account.OwnedAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A KYC upload: each file is checked on its own (size, then content type sniffed from its bytes) and, when it
 * passes, kept in the {@link DocumentStore} as a PENDING document, then recorded on the account's subject at the
 * card processor ({@link KycRecords}). One file's refusal does not refuse the others: the answer gives a status per
 * file. A file's bytes are never logged.
 */
@ApplicationScoped
public class KycUploads {

    /** File status as the Anytime answer gives it: 0 = OK, 1 = wrong file type, 2 = not uploaded correctly. */
    public static final int OK = 0;
    public static final int WRONG_TYPE = 1;
    public static final int NOT_UPLOADED = 2;

    @Inject
    Accounts accounts;
    @Inject
    DocumentStore store;
    @Inject
    KycRecords records;
    @Inject
    KycConfig config;
    @Inject
    Clock clock;

    /** Reads a file's bytes, only once its declared size is within the limit. */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws java.io.IOException;
    }

    /** One file of the upload: its field's type, the name the caller gave it, its size in bytes, its bytes. */
    public record Upload(KycType type, String fileName, long size, Content content) {
    }

    /** What became of one file. */
    public record FileOutcome(KycType type, int status, String error) {
    }

    public List<FileOutcome> upload(String partnerId, long accountId, List<Upload> files) {
        OwnedAccount account = accounts.owned(partnerId, accountId);
        if (files.isEmpty()) {
            throw new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, "user_identity",
                    "user_identity: at least one KYC file is required (" + fieldNames() + ")");
        }
        Set<KycType> seen = EnumSet.noneOf(KycType.class);
        for (Upload u : files) {
            if (!seen.add(u.type())) {
                throw new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, u.type().field(),
                        u.type().field() + ": one file per field");
            }
        }
        List<FileOutcome> out = new ArrayList<>();
        List<KycDocument> kept = new ArrayList<>();
        for (Upload u : files) {
            String field = u.type().field();
            if (u.size() <= 0) {
                out.add(new FileOutcome(u.type(), NOT_UPLOADED, field + ": the file is empty"));
                continue;
            }
            if (u.size() > config.maxFileSize()) {
                out.add(new FileOutcome(u.type(), NOT_UPLOADED,
                        field + ": the file is larger than " + config.maxFileSize() + " bytes"));
                continue;
            }
            byte[] bytes;
            try {
                bytes = u.content().read();
            } catch (java.io.IOException e) {
                out.add(new FileOutcome(u.type(), NOT_UPLOADED, field + ": the file could not be read"));
                continue;
            }
            String type = ContentSniffer.sniff(bytes).orElse(null);
            if (type == null) {
                out.add(new FileOutcome(u.type(), WRONG_TYPE, field + ": only JPEG, PNG and PDF files are accepted"));
                continue;
            }
            kept.add(store.add(new DocumentStore.NewDocument(account.accountId(), partnerId, u.type(), type,
                    sha256(bytes), u.fileName(), clock.instant(), bytes)));
            out.add(new FileOutcome(u.type(), OK, ""));
        }
        for (KycDocument d : kept) {
            records.write(account, d);
        }
        return out;
    }

    private static String fieldNames() {
        return String.join(", ", java.util.Arrays.stream(KycType.values()).map(KycType::field).toList());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
