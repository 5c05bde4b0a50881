package io.anygate.tx;

/** Pagination and order of a TX list request ({@code page[offset]}, {@code page[limit]}, {@code order}). */
public record TxPage(int offset, int limit, String order) {

    public static final String ID_ASC = "IdAsc";
    public static final String ID_DESC = "IdDesc";

    public TxPage {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("page offset >= 0, limit 1..1000");
        }
    }

    public static TxPage first(int limit) {
        return new TxPage(0, limit, ID_ASC);
    }
}
