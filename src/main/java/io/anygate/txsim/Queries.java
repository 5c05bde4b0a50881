package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/** The list operations: contracts, cards, contract/cards, contract2contracts, trans; filtered, ordered, paged. */
final class Queries {

    /** The history of a contract or card with no transaction yet. */
    private static final ConcurrentSkipListMap<Long, SimTran> EMPTY = new ConcurrentSkipListMap<>();

    private final SimState state;
    private final Resolver resolver;
    private final Views views;

    Queries(SimState state, Resolver resolver, Views views) {
        this.state = state;
        this.resolver = resolver;
        this.views = views;
    }

    ObjectNode contracts(QueryParams q) {
        ObjectNode f = q.object("filter", false);
        Predicate<SimContract> byClient = client(f, "clientId", "clientRid", c -> c.clientId);
        Long typeId = f == null ? null : Ref.id(f.get("typeId"), "filter.typeId");
        String typeRid = SimJson.optText(f, "typeRid", "filter.typeRid");
        String status = SimJson.optText(f, "status", "filter.status");
        return page(q, state.contracts.values(), c -> c.id, byClient
                .and(c -> typeRid == null || typeRid.equals(c.typeRid))
                .and(c -> typeId == null || Checks.type(c).id() == typeId)
                .and(c -> status == null || status.equals(c.status)), views::contract);
    }

    /** GET subject-documents: a subject's documents ({@code filter.subjectId} or {@code filter.subjectRid}). */
    ObjectNode documents(QueryParams q) {
        ObjectNode f = q.object("filter", false);
        return page(q, state.documents.values(), d -> d.id, client(f, "subjectId", "subjectRid", d -> d.subjectId),
                views::document);
    }

    ObjectNode cards(QueryParams q) {
        ObjectNode f = q.object("filter", false);
        Predicate<SimCard> byHolder = client(f, "holderId", "holderRid", c -> c.holderId);
        String status = SimJson.optText(f, "status", "filter.status");
        return page(q, state.cards.values(), c -> c.id, byHolder.and(c -> status == null || status.equals(c.status)),
                views::card);
    }

    /** Either the id or the rid filter of a holder/client is required; an unknown rid matches nothing. */
    private <T> Predicate<T> client(ObjectNode f, String idName, String ridName, ToLongFunction<T> subjectOf) {
        Long id = f == null ? null : Ref.id(f.get(idName), "filter." + idName);
        String rid = SimJson.optText(f, ridName, "filter." + ridName);
        if (id == null && rid == null) {
            throw TxSimException.badRequest("filter." + idName + " or filter." + ridName + " is required");
        }
        Long ridId = rid == null ? null : state.subjectRids.getOrDefault(rid, -1L);
        return x -> (id == null || subjectOf.applyAsLong(x) == id) && (ridId == null || subjectOf.applyAsLong(x) == ridId);
    }

    ArrayNode contractCards(QueryParams q) {
        SimContract c = resolver.contract(q.ref("contract", true), "contract");
        ArrayNode out = SimJson.MAPPER.createArrayNode();
        state.cards.values().stream()
                .filter(card -> card.financialContractId == c.id || card.issuingContractId == c.id)
                .sorted(Comparator.comparingLong(card -> card.id))
                .forEach(card -> {
                    ObjectNode link = out.addObject();
                    link.put("linkStatus", SimCard.FINAL.contains(card.status) ? "Closed" : "Active");
                    link.put("cardName", card.body.path("names").path("emboss").asText(null));
                    link.set("card", Views.ref(card.id, card.rid));
                });
        return out;
    }

    ObjectNode links(QueryParams q) {
        ObjectNode f = q.object("filter", false);
        Long c1 = contractFilter(f, "contract1");
        Long c2 = contractFilter(f, "contract2");
        String kind = SimJson.optText(f, "kind", "filter.kind");
        String status = SimJson.optText(f, "status", "filter.status");
        String order = q.text("order");
        if (order != null && order.startsWith("Seq")) {
            order = order.equals("SeqAsc") ? "IdAsc" : order.equals("SeqDesc") ? "IdDesc" : order;
        }
        if (order != null && !order.equals("IdAsc") && !order.equals("IdDesc")) {
            throw TxSimException.badRequest("order must be IdAsc, IdDesc, SeqAsc or SeqDesc");
        }
        boolean desc = "IdDesc".equals(order);
        List<SimLink> all = new ArrayList<>(state.links.values());
        all.removeIf(l -> (c1 != null && l.contract1Id != c1) || (c2 != null && l.contract2Id != c2)
                || (kind != null && !kind.equals(l.body.path("kind").asText(null)))
                || (status != null && !status.equals(l.body.path("status").asText(null))));
        all.sort(Comparator.comparingLong(l -> desc ? -l.id : l.id));
        return Views.page(all.stream().map(views::link).toList(), q.page());
    }

    private Long contractFilter(ObjectNode f, String name) {
        Long id = f == null ? null : Ref.id(f.get(name + "Id"), "filter." + name + "Id");
        String rid = SimJson.optText(f, name + "Rid", "filter." + name + "Rid");
        if (rid != null) {
            Long byRid = state.contractRids.getOrDefault(rid, -1L);
            if (id != null && !id.equals(byRid)) {
                return -1L;
            }
            return byRid;
        }
        return id;
    }

    ObjectNode trans(QueryParams q) {
        ObjectNode cardRef = q.object("card", false);
        ObjectNode contractRef = q.object("contract", false);
        if ((cardRef == null) == (contractRef == null)) {
            throw TxSimException.badRequest("exactly one of card or contract is required");
        }
        NavigableMap<Long, SimTran> owned;
        Ref ref = Ref.required(cardRef != null ? cardRef : contractRef, cardRef != null ? "card" : "contract");
        try {
            owned = cardRef != null ? state.transByCard.getOrDefault(resolver.card(ref, "card").id, EMPTY)
                    : state.transByContract.getOrDefault(resolver.contract(ref, "contract").id, EMPTY);
        } catch (TxSimException e) {
            if (e.status() != 404) {
                throw e;
            }
            // the spec lists no 404 for GET trans: a card or contract TX does not have has no transactions
            owned = EMPTY;
        }
        ObjectNode f = q.object("filter", false);
        String beg = SimJson.optText(f, "begTime", "filter.begTime");
        String end = SimJson.optText(f, "endTime", "filter.endTime");
        LocalDateTime from = beg == null ? null : SimJson.parseFilterTime(beg, "filter.begTime");
        LocalDateTime to = end == null ? null : SimJson.parseFilterTime(end, "filter.endTime");
        if (from != null && to != null && from.isAfter(to)) {
            throw TxSimException.badRequest("filter.begTime is after filter.endTime");
        }
        Predicate<SimTran> wanted = t -> t.financial && (from == null || !t.regTime.isBefore(from))
                && (to == null || !t.regTime.isAfter(to));
        return pageInOrder(q, owned, wanted, views::tran);
    }

    /** A page of an id-ordered source: walks it in the asked order, no further than the page needs. */
    private static <T> ObjectNode pageInOrder(QueryParams q, NavigableMap<Long, T> source, Predicate<T> filter,
            Function<T, ObjectNode> view) {
        int[] page = q.page();
        Iterable<T> ordered = q.descending() ? source.descendingMap().values() : source.values();
        ObjectNode out = SimJson.object().put("hasMore", false);
        ArrayNode objects = out.putArray("objects");
        long skip = page[0];
        boolean more = false;
        for (T x : ordered) {
            if (!filter.test(x)) {
                continue;
            }
            if (skip > 0) {
                skip--;
            } else if (objects.size() < page[1]) {
                objects.add(view.apply(x));
            } else {
                more = true;
                break;
            }
        }
        out.put("hasMore", more);
        return out;
    }

    private static <T> ObjectNode page(QueryParams q, Collection<T> source, ToLongFunction<T> id, Predicate<T> filter,
            Function<T, ObjectNode> view) {
        int[] page = q.page();
        boolean desc = q.descending();
        List<T> all = new ArrayList<>(source.stream().filter(filter).toList());
        Comparator<T> byId = Comparator.comparingLong(id);
        all.sort(desc ? byId.reversed() : byId);
        int from = Math.min(page[0], all.size());
        int to = (int) Math.min((long) page[0] + page[1], all.size());
        ObjectNode out = SimJson.object().put("hasMore", to < all.size());
        ArrayNode objects = out.putArray("objects");
        all.subList(from, to).forEach(x -> objects.add(view.apply(x)));
        return out;
    }
}
