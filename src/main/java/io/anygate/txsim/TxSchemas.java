package io.anygate.txsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spec's field tables as JSON Schema, one file per TX endpoint the gateway calls
 * ({@code src/main/resources/tx-schemas/{operation}.json}, shared types in {@code common.json}). A request is
 * validated as one instance {@code {"query": {...}, "body": ...}}: the query string read into objects the way
 * {@link QueryParams} reads it (all values text), the body as sent. The simulator checks every request of these
 * operations before its handler runs (400 {@code BAD_REQUEST} naming the field); the gateway's tests hold every
 * request its TX client sends to the same files. Messages name the field and the rule, never the value (a PAN, a
 * PIN block).
 */
public final class TxSchemas {

    private static final String BASE = "https://anygate.io/tx/schemas/";

    /** The TX endpoints the gateway's client calls, {@code "METHOD /path"} (under {@code /tx/v1}) to operation. */
    public static final Map<String, String> GATEWAY_ENDPOINTS = Map.ofEntries(
            Map.entry("GET /subject", "subject.get"),
            Map.entry("PUT /subject", "subject.put"),
            Map.entry("POST /subject/notification", "subject.notification"),
            Map.entry("PUT /subject-document", "subjectDocument.put"),
            Map.entry("GET /subject-documents", "subjectDocuments.list"),
            Map.entry("GET /contract", "contract.get"),
            Map.entry("PUT /contract", "contract.put"),
            Map.entry("POST /contract/activate", "contract.activate"),
            Map.entry("POST /contract/finish", "contract.finish"),
            Map.entry("POST /contract/close", "contract.close"),
            Map.entry("PUT /contract/balance", "contract.balance"),
            Map.entry("GET /contracts", "contracts.list"),
            Map.entry("PUT /contract2contract", "contract2contract.put"),
            Map.entry("GET /contract2contracts", "contract2contracts.list"),
            Map.entry("GET /card", "card.get"),
            Map.entry("PUT /card", "card.put"),
            Map.entry("DELETE /card", "card.delete"),
            Map.entry("GET /card/pan", "card.pan"),
            Map.entry("GET /card/cvv2", "card.cvv2"),
            Map.entry("GET /card/pin", "card.pin"),
            Map.entry("POST /card/reissue", "card.reissue"),
            Map.entry("GET /cards", "cards.list"),
            Map.entry("POST /tran/account2account", "tran.account2account"),
            Map.entry("POST /tran/account2card", "tran.account2card"),
            Map.entry("POST /tran/card2account", "tran.card2account"),
            Map.entry("POST /tran/account2fi", "tran.account2fi"),
            Map.entry("POST /tran/fi2account", "tran.fi2account"),
            Map.entry("GET /tran", "tran.get"),
            Map.entry("GET /trans", "trans.list"));

    private static final Set<String> FLAT_REF_NAMES = Set.of("id", "rid", "extRid", "matchKey", "rqSentTime");

    private static final TxSchemas INSTANCE = new TxSchemas();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, "classpath:tx-schemas/")));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).pathType(PathType.LEGACY).build();
    private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();

    private TxSchemas() {
    }

    public static TxSchemas get() {
        return INSTANCE;
    }

    /** True when the operation has a request description. */
    public boolean covers(String operation) {
        return schema(operation).isPresent();
    }

    /**
     * The violations of one request, each naming the field and the rule, sorted; empty when it conforms (or when
     * the operation has no description). {@code query} maps each parameter name to its values as sent,
     * {@code body} is null when the request had none.
     */
    public List<String> violations(String operation, Map<String, List<String>> query, JsonNode body) {
        Optional<JsonSchema> schema = schema(operation);
        if (schema.isEmpty()) {
            return List.of();
        }
        ObjectNode instance = SimJson.object();
        instance.set("query", queryObject(query, schema.get().getSchemaNode()));
        if (body != null && !body.isMissingNode() && !body.isNull()) {
            instance.set("body", body);
        }
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : schema.get().validate(instance)) {
            out.add(field(m) + " " + rule(m));
        }
        return new ArrayList<>(out);
    }

    /**
     * The simulator's check: a 400 naming the first violation, its field written as the handlers write theirs
     * ({@code tranRq.match.key}, {@code ref.id}: without the instance's {@code body.}/{@code query.}).
     */
    void check(String operation, Map<String, List<String>> query, JsonNode body) {
        List<String> v = violations(operation, query, body);
        if (!v.isEmpty()) {
            String first = v.get(0).replaceFirst("^(body|query)\\.", "");
            throw TxSimException.badRequest(first + (v.size() > 1 ? " (and " + (v.size() - 1) + " more)" : ""));
        }
    }

    private Optional<JsonSchema> schema(String operation) {
        return schemas.computeIfAbsent(operation, op -> {
            if (TxSchemas.class.getResource("/tx-schemas/" + op + ".json") == null) {
                return Optional.empty();
            }
            JsonSchema s = factory.getSchema(SchemaLocation.of(BASE + op + ".json"), config);
            s.initializeValidators();
            return Optional.of(s);
        });
    }

    /**
     * The query string as objects: {@code ref[id]=1} and {@code ref.id=1} as {@code {"ref": {"id": "1"}}}, a JSON
     * object value ({@code ref={"id":1}}) member by member as text, and where the operation takes a {@code ref}, the
     * flat {@code id}/{@code rid}/... as its members. A repeated parameter keeps its first value.
     */
    static ObjectNode queryObject(Map<String, List<String>> query, JsonNode schemaNode) {
        boolean takesRef = schemaNode.path("properties").path("query").path("properties").has("ref");
        ObjectNode out = SimJson.object();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String key = e.getKey();
            String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
            int bracket = key.indexOf('[');
            int dot = key.indexOf('.');
            if (bracket > 0 && key.endsWith("]")) {
                member(out, key.substring(0, bracket)).put(key.substring(bracket + 1, key.length() - 1), value);
            } else if (dot > 0) {
                member(out, key.substring(0, dot)).put(key.substring(dot + 1), value);
            } else if (value.trim().startsWith("{")) {
                JsonNode json;
                try {
                    json = SimJson.MAPPER.readTree(value);
                } catch (Exception ex) {
                    throw TxSimException.badRequest(key + " is not valid JSON");
                }
                ObjectNode target = member(out, key);
                json.fields().forEachRemaining(f -> target.put(f.getKey(),
                        f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()));
            } else if (takesRef && FLAT_REF_NAMES.contains(key) && !query.containsKey("ref")) {
                member(out, "ref").put(key, value);
            } else {
                out.put(key, value);
            }
        }
        return out;
    }

    private static ObjectNode member(ObjectNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(name);
    }

    /** The violation's field as a dotted path from the instance root ({@code body.object.dates.expiration}). */
    private static String field(ValidationMessage m) {
        JsonNodePath path = m.getInstanceLocation();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object e = path.getElement(i);
            if (e instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(e);
            }
        }
        if ("required".equals(m.getType()) && m.getProperty() != null) {
            sb.append(sb.length() > 0 ? "." : "").append(m.getProperty());
        }
        return sb.length() == 0 ? "request" : sb.toString();
    }

    private static String rule(ValidationMessage m) {
        return switch (m.getType()) {
            case "required" -> "is required";
            case "type" -> "must be " + m.getSchemaNode().asText();
            case "pattern" -> "does not have the required format";
            case "format" -> "must be a valid " + m.getSchemaNode().asText();
            case "enum" -> "is not an allowed value";
            case "minLength", "maxLength" -> "has a length out of range";
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> "is out of range";
            case "minProperties" -> "must name at least one member";
            case "anyOf", "oneOf" -> "does not match any of the allowed forms";
            default -> "violates " + m.getType();
        };
    }

    /** Every operation that has a description (for the tests). */
    public static Collection<String> gatewayOperations() {
        return GATEWAY_ENDPOINTS.values();
    }
}
