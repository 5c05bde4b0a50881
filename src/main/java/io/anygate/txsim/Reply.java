package io.anygate.txsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An answer of the simulator: status and JSON body; {@code replayed} marks a matchKey replay. */
record Reply(int status, JsonNode body, boolean replayed) {

    static Reply ok(JsonNode body) {
        return new Reply(200, body, false);
    }

    static Reply error(int status, String code, String description) {
        ObjectNode body = SimJson.object().put("code", code).put("description", description);
        return new Reply(status, body, false);
    }

    /** The answer of a registered transaction: 200 approved, 422 {@code common-TranDeclineRs} declined. */
    static Reply of(SimTran tran) {
        if (tran.approved()) {
            return new Reply(200, tran.answer, false);
        }
        ObjectNode body = SimJson.object().put("tranId", tran.id).put("result", SimTran.DECLINED)
                .put("code", tran.code).put("description", tran.description);
        return new Reply(422, body, false);
    }
}
