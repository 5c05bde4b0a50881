package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** PUT subject (person or corporation) and PUT subject-document. */
final class SubjectWrites {

    private static final Set<String> KINDS = Set.of("Person", "Corporation");

    private final SimState state;
    private final Resolver resolver;

    SubjectWrites(SimState state, Resolver resolver) {
        this.state = state;
        this.resolver = resolver;
    }

    Reply putSubject(ObjectNode body, Boolean mustExist, String key) {
        ObjectNode object = SimJson.reqObject(body, "object", "object");
        Ref ref = Ref.member(object, "ref", "object.ref");
        String kind = SimJson.optText(object, "kind", "object.kind");
        if (kind != null && !KINDS.contains(kind)) {
            throw TxSimException.badRequest("object.kind must be Person or Corporation");
        }
        SimJson.optObject(object, "details", "object.details");
        return Modify.runWithoutNotFound(state, "subject.put", key, () -> {
            synchronized (state.subjects) {
                SimSubject s = Modify.presence(Modify.lookup(ref, state.subjects::get, state.subjectRids::get,
                        "object.ref"), mustExist, "subject");
                if (s == null) {
                    if (kind == null) {
                        throw TxSimException.badRequest("object.kind is required to create a subject");
                    }
                    s = new SimSubject();
                    s.id = state.subjectSeq.getAndIncrement();
                    s.rid = ref == null ? null : ref.rid();
                    s.kind = kind;
                } else if (kind != null && !kind.equals(s.kind)) {
                    throw TxSimException.badRequest("object.kind cannot change");
                } else {
                    s.rid = Modify.rid(ref, s.rid, s.id, state.subjectRids);
                }
                ObjectNode stored = object.deepCopy();
                stored.remove("ref");
                stored.remove("kind");
                s.body = stored;
                state.subjects.put(s.id, s);
                if (s.rid != null) {
                    state.subjectRids.put(s.rid, s.id);
                }
                return s.id;
            }
        });
    }

    Reply putDocument(Ref subjectRef, ObjectNode body, Boolean mustExist, String key) {
        SimSubject subject = resolver.subject(subjectRef, "subject");
        ObjectNode object = SimJson.reqObject(body, "object", "object");
        ObjectNode refNode = SimJson.optObject(object, "ref", "object.ref");
        Long id = refNode == null ? null : Ref.id(refNode.get("id"), "object.ref.id");
        return Modify.run(state, "subjectDocument.put", key, () -> {
            synchronized (state.documents) {
                SimDocument d = id == null ? null : resolver.document(new Ref(id, null), "object.ref");
                d = Modify.presence(d, mustExist, "document");
                if (d == null) {
                    d = new SimDocument();
                    d.id = state.documentSeq.getAndIncrement();
                    d.subjectId = subject.id;
                } else if (d.subjectId != subject.id) {
                    throw TxSimException.badRequest("object.ref: the document belongs to another subject");
                }
                ObjectNode stored = object.deepCopy();
                stored.remove("ref");
                stored.remove("subject");
                d.body = stored;
                state.documents.put(d.id, d);
                return d.id;
            }
        });
    }
}
