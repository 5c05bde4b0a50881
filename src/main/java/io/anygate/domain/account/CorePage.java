package io.anygate.domain.account;

import java.util.List;

/** One page of a core list and whether more exist past it (TX gives no total count). */
public record CorePage<T>(List<T> items, boolean hasMore) {

    public CorePage {
        items = List.copyOf(items);
    }
}
