package io.anygate.txsim;

import java.util.function.LongSupplier;

/** Runs an object write as a TX modification transaction: approved with the object's id, or declined. */
final class Modify {

    private Modify() {
    }

    static Reply run(SimState state, String operation, String key, LongSupplier work) {
        try {
            long objectId = work.getAsLong();
            return Reply.of(state.register(SimState.approve(state.newTran(operation, "Modify", key), objectId)));
        } catch (Declined d) {
            return Reply.of(state.register(SimState.decline(state.newTran(operation, "Modify", key), d)));
        }
    }

    /** The object an upsert names, checked against {@code mustExist}: null means create. */
    static <T> T presence(T existing, Boolean mustExist, String what) {
        if (Boolean.TRUE.equals(mustExist) && existing == null) {
            throw TxSimException.notFound("object: no such " + what + " (mustExist=true)");
        }
        if (Boolean.FALSE.equals(mustExist) && existing != null) {
            throw new Declined(Declined.OBJECT_EXISTS, what + " already exists (mustExist=false)");
        }
        return existing;
    }

    /** An object named by id must exist; one named by rid only may be new. */
    static <T> T lookup(Ref ref, java.util.function.LongFunction<T> byId, java.util.function.Function<String, Long> ridToId,
            String path) {
        if (ref == null) {
            return null;
        }
        if (ref.id() != null) {
            return Ref.resolve(ref, byId, ridToId, path);
        }
        Long id = ridToId.apply(ref.rid());
        return id == null ? null : byId.apply(id);
    }
}
