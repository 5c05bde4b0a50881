package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A TX list answer: one page of {@code objects}, and whether more exist past it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TxList<T>(boolean hasMore, List<T> objects) {

    public TxList {
        objects = objects == null ? List.of() : List.copyOf(objects);
    }
}
