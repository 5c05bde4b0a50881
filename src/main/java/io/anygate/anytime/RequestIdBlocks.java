package io.anygate.anytime;

/** The shared sequence behind envelope {@code request_id}s, implemented in the store ({@code store.RequestIdSequence}). */
public interface RequestIdBlocks {

    /** The first number of the next block, unique across replicas. */
    long nextBlock();
}
