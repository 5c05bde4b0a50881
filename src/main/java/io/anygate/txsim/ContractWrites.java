package io.anygate.txsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** PUT contract, activate, close, PUT contract/balance, and the contract-to-contract links. */
final class ContractWrites {

    private final SimState state;
    private final Resolver resolver;

    ContractWrites(SimState state, Resolver resolver) {
        this.state = state;
        this.resolver = resolver;
    }

    Reply putContract(ObjectNode body, Boolean mustExist, String key) {
        ObjectNode object = SimJson.reqObject(body, "object", "object");
        Ref ref = Ref.member(object, "ref", "object.ref");
        Ref typeRef = Ref.member(object, "type", "object.type");
        Ref clientRef = Ref.member(object, "client", "object.client");
        ObjectNode details = SimJson.optObject(object, "details", "object.details");
        String ccy = SimJson.optText(details, "mainCcy", "object.details.mainCcy");
        if (ccy != null) {
            Amount.currency(ccy, "object.details.mainCcy");
        }
        return Modify.run(state, "contract.put", key, () -> {
            synchronized (state.contracts) {
                SimContract c = Modify.presence(Modify.lookup(ref, state.contracts::get, state.contractRids::get,
                        "object.ref"), mustExist, "contract");
                Catalogue.ContractType type = typeRef == null ? null
                        : Catalogue.contractType(typeRef.id(), typeRef.rid(), "object.type");
                SimSubject client = clientRef == null ? null : resolver.subject(clientRef, "object.client");
                if (c == null) {
                    require(type, "object.type");
                    require(client, "object.client");
                    require(ccy, "object.details.mainCcy");
                    c = new SimContract();
                    c.id = state.contractSeq.getAndIncrement();
                    c.rid = ref == null ? null : ref.rid();
                    c.typeRid = type.rid();
                    c.clientId = client.id;
                    c.mainCcy = ccy;
                    c.status = SimContract.CREATED;
                    c.balance = BigDecimal.ZERO.setScale(Amount.digits(ccy));
                    c.created = now();
                } else {
                    unchanged(type == null ? null : type.rid(), c.typeRid, "object.type");
                    unchanged(client == null ? null : client.id, c.clientId, "object.client");
                    unchanged(ccy, c.mainCcy, "object.details.mainCcy");
                    c.rid = Modify.rid(ref, c.rid, c.id, state.contractRids);
                }
                ObjectNode stored = object.deepCopy();
                for (String owned : new String[] {"ref", "className", "type", "client"}) {
                    stored.remove(owned);
                }
                if (stored.get("details") instanceof ObjectNode d) {
                    for (String owned : new String[] {"status", "mainCcy", "balances", "dates", "cclBaseAmt"}) {
                        d.remove(owned);
                    }
                }
                c.body = stored;
                state.contracts.put(c.id, c);
                if (c.rid != null) {
                    state.contractRids.put(c.rid, c.id);
                }
                return c.id;
            }
        });
    }

    Reply activate(Ref ref, String key) {
        return Modify.runWithoutNotFound(state, "contract.activate", key, () -> {
            SimContract c = resolver.contract(ref, "ref");
            Locks.run(c, null, () -> {
                if (SimContract.CLOSED.equals(c.status)) {
                    throw new Declined(Declined.CONTRACT_CLOSED, "contract " + c.id + " closed");
                }
                if (SimContract.FINISHED.equals(c.status)) {
                    throw new Declined(Declined.INVALID_STATUS_TRANSITION, "contract " + c.id + " finished");
                }
                if (SimContract.CREATED.equals(c.status)) {
                    c.status = SimContract.ACTIVE;
                    c.activated = now();
                }
            });
            return c.id;
        });
    }

    /**
     * {@code POST contract/finish}: prepares a contract for closure. Every simulator contract is of the credit class,
     * which the spec names as needing it. Finishing a finished contract is a no-op approval.
     */
    Reply finish(Ref ref, String key) {
        return Modify.runWithoutNotFound(state, "contract.finish", key, () -> {
            SimContract c = resolver.contract(ref, "ref");
            Locks.run(c, null, () -> {
                if (SimContract.CLOSED.equals(c.status)) {
                    throw new Declined(Declined.CONTRACT_CLOSED, "contract " + c.id + " closed");
                }
                if (!SimContract.FINISHED.equals(c.status)) {
                    c.status = SimContract.FINISHED;
                    c.finished = now();
                }
            });
            return c.id;
        });
    }

    /** {@code POST contract/close}: only a finished contract with no money on it closes. */
    Reply close(Ref ref, String key) {
        return Modify.runWithoutNotFound(state, "contract.close", key, () -> {
            SimContract c = resolver.contract(ref, "ref");
            Locks.run(c, null, () -> {
                if (SimContract.CLOSED.equals(c.status)) {
                    throw new Declined(Declined.CONTRACT_CLOSED, "contract " + c.id + " already closed");
                }
                if (!SimContract.FINISHED.equals(c.status)) {
                    throw new Declined(Declined.CONTRACT_NOT_FINISHED,
                            "contract " + c.id + " must be finished (POST contract/finish) before it is closed");
                }
                if (c.balance.signum() != 0) {
                    throw new Declined(Declined.CONTRACT_NOT_EMPTY, "contract " + c.id + " still holds money");
                }
                c.status = SimContract.CLOSED;
                c.closed = now();
            });
            return c.id;
        });
    }

    /** Sets the contract's one account; every {@code accountRole} names it. Used to fund sandbox accounts. */
    Reply setBalance(Ref ref, String accountRole, String ccy, ObjectNode body, String key) {
        SimContract c = resolver.contract(ref, "ref");
        if (accountRole == null) {
            throw TxSimException.badRequest("accountRole is required");
        }
        Amount.currency(ccy, "ccy");
        JsonNode balance = body.get("balance");
        if (balance == null || balance.isNull()) {
            throw TxSimException.badRequest("balance is required");
        }
        if (!balance.isNumber()) {
            throw TxSimException.badRequest("balance must be a number");
        }
        BigDecimal value = Amount.checkScale(balance.decimalValue(), ccy, "balance", true);
        return Modify.run(state, "contract.balance", key, () -> {
            Locks.run(c, null, () -> {
                if (SimContract.CLOSED.equals(c.status)) {
                    throw new Declined(Declined.CONTRACT_CLOSED, "contract " + c.id + " closed");
                }
                if (!ccy.equals(c.mainCcy)) {
                    throw new Declined(Declined.CURRENCY_MISMATCH, "balance currency differs from the contract currency");
                }
                BigDecimal max = Checks.type(c).maxBalance();
                if (max != null && value.compareTo(max) > 0) {
                    throw new Declined(Declined.BALANCE_LIMIT_EXCEEDED, "balance above the contract type's maximum");
                }
                c.balance = value;
            });
            return c.id;
        });
    }

    /** The fields of {@code contract2contract} a write may set besides its id and contracts. */
    private static final String[] LINK_FIELDS = {"contract1Name", "contract2Name", "kind", "status", "seq"};

    /**
     * {@code PUT contract2contract}. The spec's link body has no {@code tranRq}: the write is not keyed, a repeat
     * creates another link, and fields the spec does not define (a {@code tranRq} among them) are ignored.
     */
    Reply putLink(ObjectNode body, Boolean mustExist) {
        Long id = Ref.id(body.get("id"), "id");
        Ref c1 = Ref.member(body, "contract1", "contract1");
        Ref c2 = Ref.member(body, "contract2", "contract2");
        return Modify.run(state, "contract2contract.put", null, () -> {
            synchronized (state.links) {
                SimLink link = id == null ? null : resolver.link(id);
                link = Modify.presence(link, mustExist, "contract-to-contract link");
                SimContract first = c1 == null ? null : resolver.contract(c1, "contract1");
                SimContract second = c2 == null ? null : resolver.contract(c2, "contract2");
                if (link == null) {
                    require(first, "contract1");
                    require(second, "contract2");
                    link = new SimLink();
                    link.id = state.linkSeq.getAndIncrement();
                }
                if (first != null) {
                    link.contract1Id = first.id;
                }
                if (second != null) {
                    link.contract2Id = second.id;
                }
                ObjectNode stored = SimJson.object();
                for (String field : LINK_FIELDS) {
                    if (body.has(field)) {
                        stored.set(field, body.get(field));
                    }
                }
                link.body = stored;
                state.links.put(link.id, link);
                return link.id;
            }
        });
    }

    Reply deleteLink(long id, String key) {
        resolver.link(id);
        return Modify.run(state, "contract2contract.delete", key, () -> {
            if (state.links.remove(id) == null) {
                throw TxSimException.notFound("id: no contract-to-contract link " + id);
            }
            return id;
        });
    }

    static LocalDateTime now() {
        return SimClock.seconds();
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw TxSimException.badRequest(field + " is required to create the object");
        }
    }

    private static void unchanged(Object given, Object current, String field) {
        if (given != null && !given.equals(current)) {
            throw TxSimException.badRequest(field + " cannot change");
        }
    }
}
