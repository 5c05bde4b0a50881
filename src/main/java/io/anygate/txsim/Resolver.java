package io.anygate.txsim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Resolves references to the simulator's objects; unknown ones are a 404, inconsistent ones a 400. */
final class Resolver {

    private final SimState state;

    Resolver(SimState state) {
        this.state = state;
    }

    SimSubject subject(Ref ref, String path) {
        return Ref.resolve(ref, state.subjects::get, state.subjectRids::get, path);
    }

    SimContract contract(Ref ref, String path) {
        return Ref.resolve(ref, state.contracts::get, state.contractRids::get, path);
    }

    SimCard card(Ref ref, String path) {
        return Ref.resolve(ref, state.cards::get, state.cardRids::get, path);
    }

    SimLink link(long id) {
        SimLink link = state.links.get(id);
        if (link == null) {
            throw TxSimException.notFound("id: no contract-to-contract link " + id);
        }
        return link;
    }

    SimDocument document(Ref ref, String path) {
        if (ref.id() == null) {
            throw TxSimException.badRequest(path + ".id is required");
        }
        SimDocument doc = state.documents.get(ref.id());
        if (doc == null) {
            throw TxSimException.notFound(path + ": no document " + ref.id());
        }
        return doc;
    }

    /**
     * A card named in a transfer: by {@code pan} (+ {@code expDate}, {@code cvv2} checked by the caller) as the spec
     * writes it, or by {@code id}/{@code rid}.
     */
    SimCard cardInTran(ObjectNode node, String path) {
        if (node == null) {
            throw TxSimException.badRequest(path + " is required");
        }
        String pan = SimJson.optText(node, "pan", path + ".pan");
        if (pan == null) {
            return card(Ref.required(node, path), path);
        }
        if (!pan.matches("\\d{12,19}")) {
            throw TxSimException.badRequest(path + ".pan must be 12 to 19 digits");
        }
        Long id = state.cardPans.get(pan);
        if (id == null) {
            throw TxSimException.notFound(path + ": no card with this PAN");
        }
        return state.cards.get(id);
    }
}
