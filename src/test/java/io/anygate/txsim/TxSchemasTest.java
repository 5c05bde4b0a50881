package io.anygate.txsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.anygate.domain.Country;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The TX request descriptions (tx-schemas) hold the spec's field tables: types, formats, enumerations, required. */
class TxSchemasTest {

    private static final TxSchemas SCHEMAS = TxSchemas.get();

    private static JsonNode json(String text) {
        return SimJson.parse(text.replace('\'', '"'), "test");
    }

    private static List<String> body(String op, String body) {
        return SCHEMAS.violations(op, Map.of(), json(body));
    }

    private static List<String> query(String op, Map<String, String> q) {
        return SCHEMAS.violations(op, q.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> List.of(e.getValue()))), null);
    }

    @Test
    void everyEndpointTheGatewayCallsHasADescription() {
        for (String op : TxSchemas.gatewayOperations()) {
            assertTrue(SCHEMAS.covers(op), op);
        }
    }

    @Test
    void subjectFieldsAreTypedAsTheSpecSays() {
        assertEquals(List.of(), body("subject.put", "{'object': {'ref': {'rid': 'S-1'}, 'kind': 'Person', 'details': "
                + "{'firstName': 'Ada', 'birthDate': '1990-01-31', 'residenceCountry': 250, 'homeAddress': {'country': 826,"
                + " 'house': '15'}, 'emails': ['a@example.com']}}, 'tranRq': {'match': {'key': 'k-1'}}}"));
        assertEquals(List.of("body.object.details.birthDate must be a valid date"),
                body("subject.put", "{'object': {'kind': 'Person', 'details': {'birthDate': 'not-a-date'}}}"));
        assertEquals(List.of("body.object.details.birthDate must be a valid date"),
                body("subject.put", "{'object': {'kind': 'Person', 'details': {'birthDate': '1990-02-31'}}}"));
        assertEquals(List.of("body.object.kind is not an allowed value"),
                body("subject.put", "{'object': {'kind': 'Human'}}"));
        assertEquals(List.of("body.object.details.homeAddress.country is not an allowed value"),
                body("subject.put", "{'object': {'details': {'homeAddress': {'country': 999}}}}"));
        assertEquals(List.of("body.object.details.residenceCountry is not an allowed value",
                "body.object.details.residenceCountry must be integer"),
                body("subject.put", "{'object': {'details': {'residenceCountry': 'FR'}}}"));
    }

    @Test
    void cardFieldsAndTheRequiredExpiration() {
        assertEquals(List.of("body.object.mbr must be integer"),
                body("card.put", "{'object': {'mbr': 'x', 'dates': {'expiration': '2029-12-31'}}}"));
        assertEquals(List.of("body.object.dates is required"), body("card.put", "{'object': {'status': 'Active'}}"));
        assertEquals(List.of("body.object.dates.expiration is required"),
                body("card.put", "{'object': {'dates': {'creation': '2026-01-01'}}}"));
        assertEquals(List.of("body.object is required"), body("card.put", "{'tranRq': {}}"));
        assertEquals(List.of("body is required"), SCHEMAS.violations("card.put", Map.of(), null));
    }

    @Test
    void transfersNeedTheirPartiesAndAnAmountInACurrency() {
        assertEquals(List.of(), body("tran.account2card", "{'src': {'id': 1}, 'dst': {'pan': '7777770000000001',"
                + " 'expDate': '2029-12-31'}, 'value': {'amt': 10.50, 'ccy': 'EUR'}, 'tranRq': {'match': {'key': 'k'},"
                + " 'userAttrs': [{'rid': 'AGW-ACC-COMMENT', 'val': 'x'}]}}"));
        assertEquals(List.of("body.value is required"), body("tran.account2account", "{'src': {'id': 1}, 'dst': {'id': 2}}"));
        assertEquals(List.of("body.value.amt must be number", "body.value.ccy does not have the required format"),
                body("tran.account2account", "{'src': {'id': 1}, 'dst': {'id': 2}, 'value': {'amt': '10', 'ccy': 'eur'}}"));
        assertEquals(List.of("body.value.amt is out of range"),
                body("tran.account2account", "{'src': {'id': 1}, 'dst': {'id': 2}, 'value': {'amt': 0, 'ccy': 'EUR'}}"));
        assertEquals(List.of("body.src.expDate is required"), body("tran.card2account",
                "{'src': {'pan': '7777770000000001'}, 'dst': {'id': 2}, 'value': {'amt': 1, 'ccy': 'EUR'}}"));
        assertEquals(List.of("body.src.id must be integer"),
                body("tran.account2account", "{'src': {'id': '1'}, 'dst': {'id': 2}, 'value': {'amt': 1, 'ccy': 'EUR'}}"));
        assertEquals(List.of("body.tranRq.match.key has a length out of range"), body("tran.account2account",
                "{'src': {'id': 1}, 'dst': {'id': 2}, 'value': {'amt': 1, 'ccy': 'EUR'}, 'tranRq': {'match': {'key': '"
                        + "k".repeat(65) + "'}}}"));
    }

    @Test
    void aViolationNeverQuotesTheValue() {
        List<String> v = body("tran.account2card",
                "{'src': {'id': 1}, 'dst': {'pan': '7777-7700-0000-0001'}, 'value': {'amt': 1, 'ccy': 'EUR'}}");
        assertEquals(List.of("body.dst.pan does not have the required format"), v);
        assertFalse(v.get(0).contains("7777"));
    }

    @Test
    void queryParametersInEveryAcceptedForm() {
        assertEquals(List.of(), query("card.get", Map.of("ref[id]", "12")));
        assertEquals(List.of(), query("card.get", Map.of("ref.rid", "C-1")));
        assertEquals(List.of(), query("card.get", Map.of("ref", "{\"id\": 12}")));
        assertEquals(List.of(), query("card.get", Map.of("id", "12")));
        assertEquals(List.of("query.ref.id does not have the required format"), query("card.get", Map.of("ref[id]", "abc")));
        assertEquals(List.of("query.ref is required"), query("card.get", Map.of()));
        assertEquals(List.of("query.accountRole is required"),
                query("contract.balance", Map.of("ref[id]", "1", "ccy", "EUR")));
        assertEquals(List.of("query.order is not an allowed value"),
                query("trans.list", Map.of("contract[id]", "1", "order", "Newest")));
        assertEquals(List.of("query.filter.clientId is required", "query.filter.clientRid is required"),
                query("contracts.list", Map.of("filter[typeRid]", "CT-CARD")));
    }

    @Test
    void timeFiltersCarrySecondsAndCardsTheirExpiration() {
        assertEquals(List.of(), query("trans.list", Map.of("card[id]", "1", "filter[begTime]", "2026-10-31T23:00:00")));
        assertEquals(List.of("query.filter.begTime does not have the required format"),
                query("trans.list", Map.of("card[id]", "1", "filter[begTime]", "2026-10-31T23:00")));
        assertEquals(List.of("query.ref.rqSentTime does not have the required format"),
                query("tran.get", Map.of("ref[matchKey]", "k", "ref[rqSentTime]", "2026-10-31 23:00:00")));
        assertEquals(List.of("body.object.dates is required"),
                SCHEMAS.violations("card.put", Map.of(), json("{'object': {'status': 'Active'}}")));
        assertEquals(List.of("body.object.mbr must be integer"), SCHEMAS.violations("card.put", Map.of(),
                json("{'object': {'mbr': 'x', 'dates': {'expiration': '2029-12-31'}}}")));
    }

    @Test
    void countryCodesAreTheAssignedIsoNumericOnes() {
        JsonNode common = SimJson.parse(new String(readAll("/tx-schemas/common.json"),
                java.nio.charset.StandardCharsets.UTF_8), "common.json");
        Set<Integer> inSchema = new TreeSet<>();
        common.path("$defs").path("country").path("enum").forEach(n -> inSchema.add(n.intValue()));
        Set<Integer> table = Country.all().stream().map(Country::numeric).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(table, inSchema);
    }

    private static byte[] readAll(String resource) {
        try (var in = TxSchemasTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
