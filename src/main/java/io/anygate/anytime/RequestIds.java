package io.anygate.anytime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Envelope {@code request_id}s, unique across replicas: each replica takes a block of {@value #BLOCK} numbers
 * from the store sequence (which increments by the same step) and hands them out from memory.
 */
@ApplicationScoped
public class RequestIds {

    static final int BLOCK = 100;

    @Inject
    RequestIdBlocks sequence;

    private long next;
    private long limit;

    public synchronized long next() {
        if (next >= limit) {
            next = sequence.nextBlock();
            limit = next + BLOCK;
        }
        return next++;
    }
}
