package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.BiFunction;

/** The TX operations of the simulator, each bound to its verb, path (under {@code /tx/v1}) and operation name. */
final class TxSimOperationsHandlers {

    /** Receives each operation's binding. */
    interface Registrar {
        void add(HttpMethod method, String path, String operation, TxSimRoutes.Handler handler);
    }

    private static final int MAX_NOTIFICATIONS = 200;

    private final SimState state;
    private final Resolver resolver;
    private final Views views;
    private final MatchKeys keys;
    private final Transfers transfers;
    private final Reversals reversals;
    private final SubjectWrites subjects;
    private final ContractWrites contracts;
    private final CardWrites cards;
    private final Queries queries;
    private final Deque<ObjectNode> notifications = new ConcurrentLinkedDeque<>();
    private final SimPinBlocks pinBlocks;

    TxSimOperationsHandlers(SimState state, SimPinBlocks pinBlocks, TxSimConfig.RepeatedKey repeatedKey) {
        this(state, pinBlocks, repeatedKey, Shipments.none());
    }

    TxSimOperationsHandlers(SimState state, SimPinBlocks pinBlocks, TxSimConfig.RepeatedKey repeatedKey,
            Shipments shipments) {
        this.state = state;
        this.pinBlocks = pinBlocks;
        this.resolver = new Resolver(state);
        this.views = new Views(state, shipments);
        this.keys = new MatchKeys(state, repeatedKey);
        this.transfers = new Transfers(state, resolver);
        this.reversals = new Reversals(state);
        this.subjects = new SubjectWrites(state, resolver);
        this.contracts = new ContractWrites(state, resolver);
        this.cards = new CardWrites(state, resolver);
        this.queries = new Queries(state, resolver, views);
    }

    /** The simulator's ATM withdrawal ({@code POST {base}/sim/withdrawal}): the network's, not a TX API operation. */
    Reply withdrawal(ObjectNode body) {
        return keys.run(key(body), () -> transfers.withdrawal(body, key(body)));
    }

    void register(Registrar r) {
        r.add(HttpMethod.GET, "/subject", "subject.get",
                (ctx, q) -> Reply.ok(views.subject(resolver.subject(q.ref("ref", true), "ref"))));
        r.add(HttpMethod.PUT, "/subject", "subject.put", keyed((b, q) -> subjects.putSubject(b, q.bool("mustExist"), key(b))));
        r.add(HttpMethod.POST, "/subject/notification", "subject.notification", (ctx, q) -> notify(ctx, q));
        r.add(HttpMethod.GET, "/subject-document", "subjectDocument.get",
                (ctx, q) -> Reply.ok(views.document(resolver.document(q.ref("ref", true), "ref"))));
        r.add(HttpMethod.PUT, "/subject-document", "subjectDocument.put",
                keyed((b, q) -> subjects.putDocument(q.ref("subject", false), b, q.bool("mustExist"), key(b))));
        r.add(HttpMethod.GET, "/subject-documents", "subjectDocuments.list", (ctx, q) -> Reply.ok(queries.documents(q)));

        r.add(HttpMethod.GET, "/contract", "contract.get",
                (ctx, q) -> Reply.ok(views.contract(resolver.contract(q.ref("ref", true), "ref"))));
        r.add(HttpMethod.PUT, "/contract", "contract.put", keyed((b, q) -> contracts.putContract(b, q.bool("mustExist"), key(b))));
        r.add(HttpMethod.POST, "/contract/activate", "contract.activate",
                optionalBody((b, q) -> contracts.activate(q.ref("ref", true), key(b))));
        r.add(HttpMethod.POST, "/contract/finish", "contract.finish",
                optionalBody((b, q) -> contracts.finish(q.ref("ref", true), key(b))));
        r.add(HttpMethod.POST, "/contract/close", "contract.close",
                optionalBody((b, q) -> contracts.close(q.ref("ref", true), key(b))));
        r.add(HttpMethod.PUT, "/contract/balance", "contract.balance", keyed((b, q) -> contracts.setBalance(
                q.ref("ref", false), q.text("accountRole"), q.text("ccy"), b, key(b))));
        r.add(HttpMethod.GET, "/contracts", "contracts.list", (ctx, q) -> Reply.ok(queries.contracts(q)));
        r.add(HttpMethod.GET, "/contract/cards", "contract.cards", (ctx, q) -> Reply.ok(queries.contractCards(q)));

        r.add(HttpMethod.GET, "/contract2contract", "contract2contract.get",
                (ctx, q) -> Reply.ok(views.link(resolver.link(linkId(q)))));
        r.add(HttpMethod.PUT, "/contract2contract", "contract2contract.put",
                unkeyed((b, q) -> contracts.putLink(b, q.bool("mustExist"))));
        r.add(HttpMethod.DELETE, "/contract2contract", "contract2contract.delete",
                optionalBody((b, q) -> contracts.deleteLink(linkId(q), key(b))));
        r.add(HttpMethod.GET, "/contract2contracts", "contract2contracts.list", (ctx, q) -> Reply.ok(queries.links(q)));

        r.add(HttpMethod.GET, "/card", "card.get", (ctx, q) -> Reply.ok(views.card(card(q))));
        r.add(HttpMethod.PUT, "/card", "card.put", keyed((b, q) -> cards.putCard(b, q.bool("mustExist"), key(b))));
        r.add(HttpMethod.DELETE, "/card", "card.delete", optionalBody((b, q) -> cards.deleteCard(q.ref("ref", true), key(b))));
        r.add(HttpMethod.GET, "/card/pan", "card.pan", (ctx, q) -> Reply.ok(SimJson.object().put("pan", card(q).pan)));
        r.add(HttpMethod.GET, "/card/cvv2", "card.cvv2", (ctx, q) -> Reply.ok(SimJson.object().put("cvv2", card(q).cvv2)));
        r.add(HttpMethod.GET, "/card/pin", "card.pin", (ctx, q) -> {
            SimCard c = card(q);
            return Reply.ok(SimJson.object().put("pinBlock", pinBlocks.block(c.pin, c.pan)));
        });
        r.add(HttpMethod.POST, "/card/reissue", "card.reissue",
                optionalBody((b, q) -> cards.reissue(q.ref("ref", true), b, key(b))));
        r.add(HttpMethod.GET, "/cards", "cards.list", (ctx, q) -> Reply.ok(queries.cards(q)));

        r.add(HttpMethod.POST, "/tran/account2account", "tran.account2account", keyed((b, q) -> transfers.account2account(b, key(b))));
        r.add(HttpMethod.POST, "/tran/account2card", "tran.account2card", keyed((b, q) -> transfers.account2card(b, key(b))));
        r.add(HttpMethod.POST, "/tran/card2account", "tran.card2account", keyed((b, q) -> transfers.card2account(b, key(b))));
        r.add(HttpMethod.POST, "/tran/account2fi", "tran.account2fi", keyed((b, q) -> transfers.account2fi(b, key(b))));
        r.add(HttpMethod.POST, "/tran/fi2account", "tran.fi2account", keyed((b, q) -> transfers.fi2account(b, key(b))));
        r.add(HttpMethod.POST, "/tran/purchase", "tran.purchase", keyed((b, q) -> transfers.purchase(b, key(b))));
        r.add(HttpMethod.POST, "/tran/reversal", "tran.reversal", keyed((b, q) -> reversals.reverse(b, key(b))));
        r.add(HttpMethod.GET, "/tran", "tran.get",
                (ctx, q) -> Reply.ok(views.tran(reversals.find(q.object("ref", true), "ref"))));
        r.add(HttpMethod.GET, "/trans", "trans.list", (ctx, q) -> Reply.ok(queries.trans(q)));

        r.add(HttpMethod.GET, "/contract-types", "contractTypes.list", (ctx, q) -> Reply.ok(Views.page(
                Catalogue.CONTRACT_TYPES.stream().map(Views::contractType).toList(), q.page())));
        r.add(HttpMethod.GET, "/card-products", "cardProducts.list", (ctx, q) -> Reply.ok(Views.page(
                Catalogue.CARD_PRODUCTS.stream().map(Views::entry).toList(), q.page())));
    }

    /** A write with a required JSON body, run once per matchKey. */
    private TxSimRoutes.Handler keyed(BiFunction<ObjectNode, QueryParams, Reply> write) {
        return (ctx, q) -> {
            ObjectNode body = SimJson.body(TxSimRoutes.bodyText(ctx, false), true);
            return keys.run(key(body), () -> write.apply(body, q));
        };
    }

    /**
     * A write whose body the spec gives no {@code tranRq} ({@code PUT contract2contract}): TX has no match key to
     * read there, so a {@code tranRq} sent anyway is ignored and every call is processed as new.
     */
    private TxSimRoutes.Handler unkeyed(BiFunction<ObjectNode, QueryParams, Reply> write) {
        return (ctx, q) -> {
            ObjectNode body = SimJson.body(TxSimRoutes.bodyText(ctx, false), true);
            return keys.run(null, () -> write.apply(body, q));
        };
    }

    /** A write whose body (a {@code tranRq}) is optional. */
    private TxSimRoutes.Handler optionalBody(BiFunction<ObjectNode, QueryParams, Reply> write) {
        return (ctx, q) -> {
            ObjectNode body = SimJson.body(TxSimRoutes.bodyText(ctx, false), false);
            return keys.run(key(body), () -> write.apply(body, q));
        };
    }

    private static String key(ObjectNode body) {
        return MatchKeys.of(body);
    }

    private SimCard card(QueryParams q) {
        return resolver.card(q.ref("ref", true), "ref");
    }

    private static long linkId(QueryParams q) {
        Long id = Ref.id(q.text("id") == null ? null : SimJson.object().put("v", q.text("id")).get("v"), "id");
        if (id == null) {
            throw TxSimException.badRequest("id is required");
        }
        return id;
    }

    private Reply notify(io.vertx.ext.web.RoutingContext ctx, QueryParams q) {
        ObjectNode subjectRef = q.object("subject", true);
        SimSubject subject = subjectRef == null ? null : resolver.subject(Ref.required(subjectRef, "subject"), "subject");
        ObjectNode body = SimJson.body(TxSimRoutes.bodyText(ctx, false), true);
        if (SimJson.optText(body, "channelKind", "channelKind") == null) {
            throw TxSimException.badRequest("channelKind is required");
        }
        ObjectNode stored = body.deepCopy();
        if (subject != null) {
            stored.set("subject", Views.ref(subject.id, subject.rid));
        }
        notifications.addLast(stored);
        while (notifications.size() > MAX_NOTIFICATIONS) {
            notifications.pollFirst();
        }
        return Reply.ok(SimJson.object());
    }

    ArrayNode notifications() {
        ArrayNode out = SimJson.MAPPER.createArrayNode();
        notifications.forEach(out::add);
        return out;
    }
}
