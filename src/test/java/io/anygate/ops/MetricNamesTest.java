package io.anygate.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.anygate.tx.TxCardRef;
import io.anygate.tx.TxCardCalls;
import io.anygate.tx.TxException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules name only metrics that the application exports: after a
 * short scenario (token, apicheck, an authentication failure, an unknown route, a TX call) every metric name found
 * in their PromQL appears in {@code /q/metrics}. HTTP metrics carry route templates, never raw ids.
 */
@QuarkusTest
class MetricNamesTest {

    static final Path DASHBOARD = Path.of("deploy/grafana/anygate-dashboard.json");
    static final Path ALERTS = Path.of("deploy/prometheus/anygate-alerts.yaml");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan", "e");

    @Inject
    TxCardCalls cards;

    private static String metrics;

    @BeforeEach
    void scenario() {
        if (metrics != null) {
            return;
        }
        TestPartner alpha = TestPartner.ALPHA;
        String token = EdgeClient.token(alpha);
        assertEquals(200, EdgeClient.apicheck(alpha, token).statusCode());
        assertEquals(401, EdgeClient.apicheck(alpha, "not-a-token").statusCode());
        given().get("/v1.0/no-such-route/4970101234567899").then().statusCode(404);
        given().get("/v1.0/no-such-route/4970101234567800/x").then().statusCode(404);
        assertThrows(TxException.class, () -> cards.card(TxCardRef.ofId(987_654_321L)));
        metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void everyMetricOfTheDashboardAndAlertsIsExported() throws Exception {
        Set<String> names = new TreeSet<>();
        for (String expr : dashboardExpressions()) {
            names.addAll(metricNames(expr));
        }
        for (String expr : alertExpressions()) {
            names.addAll(metricNames(expr));
        }
        assertTrue(names.contains("gateway_auth_failures_total") && names.contains("http_server_requests_seconds_bucket"),
                "the extraction found the expected names: " + names);
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(metrics).find()) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "metrics named by " + DASHBOARD + " or " + ALERTS
                + " but absent from /q/metrics: " + missing);
    }

    @Test
    void authenticationFailuresAreCountedByCode() {
        assertTrue(Pattern.compile("(?m)^gateway_auth_failures_total\\{code=\"4010050\"[^}]*} [1-9]").matcher(metrics).find(),
                "an invalid token counts under 4010050:\n" + grep("gateway_auth_failures_total"));
        assertTrue(metrics.contains("gateway_rate_limit_rejections_total{scope=\"ip\"}"), grep("gateway_rate_limit"));
    }

    @Test
    void httpMetricsUseRouteTemplatesNotRawPaths() {
        String http = grep("http_server_requests_seconds_count");
        assertTrue(http.contains("uri=\"/v1.0/apicheck\""), http);
        assertTrue(http.contains("uri=\"/oauth/v2/token\""), http);
        assertFalse(metrics.contains("4970101234567"), "a raw path segment became a tag value:\n" + http);
    }

    private static String grep(String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(prefix)) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static List<String> dashboardExpressions() throws Exception {
        JsonNode root = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> out = new ArrayList<>();
        root.findValues("expr").forEach(n -> out.add(n.asText()));
        for (JsonNode variable : root.path("templating").path("list")) {
            String query = variable.path("query").isObject() ? variable.path("query").path("query").asText()
                    : variable.path("query").asText();
            Matcher m = Pattern.compile("label_values\\(([^,)]+)").matcher(query);
            if (m.find()) {
                out.add(m.group(1).trim());
            }
        }
        return out;
    }

    static List<String> alertExpressions() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile());
        List<String> out = new ArrayList<>();
        root.findValues("expr").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Metric names of a PromQL expression: identifiers that are not functions, keywords, labels or durations. */
    static Set<String> metricNames(String promql) {
        String s = promql.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")   // string literals
                .replaceAll("\\{[^}]*}", " ")                              // label matchers
                .replaceAll("\\[[^]]*]", " ")                              // range selectors
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?(e-?\\d+)?\\b", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String id = m.group();
            int next = m.end();
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            boolean function = next < s.length() && s.charAt(next) == '(';
            if (!function && !KEYWORDS.contains(id.toLowerCase()) && !id.startsWith("$")) {
                names.add(id);
            }
        }
        return names;
    }
}
