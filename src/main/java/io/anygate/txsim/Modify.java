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

    /**
     * {@link #run} for the writes whose answers the spec lists without a 404 ({@code PUT subject}, {@code PUT card},
     * {@code contract/activate|finish|close}): an object they name that TX does not have declines the write (422
     * {@code OBJECT_NOT_FOUND}, a registered transaction), the one refusal those answers allow.
     */
    static Reply runWithoutNotFound(SimState state, String operation, String key, LongSupplier work) {
        return run(state, operation, key, () -> {
            try {
                return work.getAsLong();
            } catch (TxSimException e) {
                if (e.status() != 404) {
                    throw e;
                }
                throw new Declined(Declined.OBJECT_NOT_FOUND, e.getMessage());
            }
        });
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

    /** The rid an update assigns: the given one if any, else the current one; the rid index follows. */
    static String rid(Ref ref, String current, long id, java.util.Map<String, Long> index) {
        if (ref == null || ref.rid() == null || ref.rid().equals(current)) {
            return current;
        }
        if (current != null) {
            index.remove(current);
        }
        index.put(ref.rid(), id);
        return ref.rid();
    }

    /** An object named by id must exist; one named by rid only may be new. */
    static <T> T lookup(Ref ref, java.util.function.LongFunction<T> byId, java.util.function.Function<String, Long> ridToId,
            String path) {
        if (ref == null) {
            return null;
        }
        if (ref.id() != null) {
            // by id; a rid not yet known is the new rid the write assigns
            T found = Ref.resolve(new Ref(ref.id(), null), byId, ridToId, path);
            Long other = ref.rid() == null ? null : ridToId.apply(ref.rid());
            if (other != null && !other.equals(ref.id())) {
                throw TxSimException.badRequest(path + ": id and rid name different objects");
            }
            return found;
        }
        Long id = ridToId.apply(ref.rid());
        return id == null ? null : byId.apply(id);
    }
}
