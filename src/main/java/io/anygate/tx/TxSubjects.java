package io.anygate.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** TX subjects (account holders: persons and companies), fault tolerant. */
@ApplicationScoped
public class TxSubjects {

    @Inject
    @RestClient
    TxSubjectsClient subjects;

    @Inject
    TxReplayLookup replays;

    /** The subject under {@code ref}; {@link TxNotFoundException} when TX has none. */
    @TxOperation("subject.get")
    public CompletionStage<Subject> subjectAsync(SubjectRef ref) {
        return TxWire.callAsync(() -> subjects.getAsync(ref.id(), ref.rid()));
    }

    /** {@link #subjectAsync}, waited for (a self-invocation: ArC applies the interceptors to it). */
    public Subject subject(SubjectRef ref) {
        return TxWire.await(TxWire.onEventLoop(() -> subjectAsync(ref)));
    }

    /**
     * Creates or updates a subject ({@code PUT /tx/v1/subject}). The subject's {@code ref.rid} is required:
     * when TX answers a repeat as "already processed", the original {@code objectId} is read back by it.
     */
    @TxOperation("subject.put")
    public ModifyTranApproveRs putSubject(Subject subject, TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        String rid = Objects.requireNonNull(subject.ref() == null ? null : subject.ref().rid(), "subject.ref.rid");
        TxRequests.ObjectRq<Subject> rq = new TxRequests.ObjectRq<>(subject, TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> subjects.put(rq), () -> {
            Subject original = TxWire.call(() -> subjects.get(null, rid));
            return new ModifyTranApproveRs(replays.tranIdOrNull(key), null, original.ref().id());
        });
    }

    /**
     * Updates an existing subject ({@code PUT /tx/v1/subject?mustExist=true}): {@link TxNotFoundException} when
     * TX has none under {@code subject.ref}. A repeat answered "already processed" is recovered by reading the
     * subject back by its reference.
     */
    @TxOperation("subject.update")
    public ModifyTranApproveRs updateSubject(Subject subject, TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        SubjectRef ref = Objects.requireNonNull(subject.ref(), "subject.ref");
        TxRequests.ObjectRq<Subject> rq = new TxRequests.ObjectRq<>(subject, TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> subjects.putExisting(true, rq), () -> {
            Subject original = TxWire.call(() -> subjects.get(ref.id(), ref.rid()));
            return new ModifyTranApproveRs(replays.tranIdOrNull(key), null, original.ref().id());
        });
    }

    /**
     * Sends a message to a customer ({@code POST /tx/v1/subject/notification}). TX's notification has no matchKey: a
     * repeat would send it twice, so this write is never retried
     * ({@code quarkus.fault-tolerance."io.anygate.tx.TxSubjects/notify".retry.max-retries=0}); a timeout leaves
     * it unknown whether the message went out.
     */
    @TxOperation("subject.notification")
    public void notify(SubjectNotification notification) {
        TxWire.call(() -> {
            subjects.notify(notification);
            return null;
        });
    }

    /**
     * Creates or updates a document of a subject ({@code PUT /tx/v1/subject-document}). A repeat answered "already
     * processed" is recovered by finding the subject's document with the same {@code rid} (the gateway's document
     * number, unique per document).
     */
    @TxOperation("subjectDocument.put")
    public ModifyTranApproveRs putDocument(long subjectId, SubjectDocument document, TxMatchKey key) {
        Objects.requireNonNull(key, "matchKey");
        String rid = Objects.requireNonNull(document.rid(), "document.rid");
        TxRequests.ObjectRq<SubjectDocument> rq = new TxRequests.ObjectRq<>(document, TranRqExtraAttrs.of(key));
        return TxReplays.write(key, () -> subjects.putDocument(subjectId, rq), () -> {
            Long id = document.ref() != null ? document.ref().id() : documentByRid(subjectId, rid);
            return new ModifyTranApproveRs(replays.tranIdOrNull(key), null, id);
        });
    }

    // The subject's document numbered rid, newest first; TxNotFoundException when it has none.
    private long documentByRid(long subjectId, String rid) {
        for (int offset = 0; ; offset += 100) {
            java.util.Map<String, String> q = new java.util.LinkedHashMap<>();
            q.put("filter[subjectId]", Long.toString(subjectId));
            q.put("page[offset]", Integer.toString(offset));
            q.put("page[limit]", "100");
            q.put("order", "IdDesc");
            TxList<SubjectDocument> page = TxWire.call(() -> subjects.documents(q));
            for (SubjectDocument d : page.objects()) {
                if (rid.equals(d.rid()) && d.ref() != null && d.ref().id() != null) {
                    return d.ref().id();
                }
            }
            if (!page.hasMore()) {
                throw new TxNotFoundException("TX: no document " + rid + " on subject " + subjectId);
            }
        }
    }
}
