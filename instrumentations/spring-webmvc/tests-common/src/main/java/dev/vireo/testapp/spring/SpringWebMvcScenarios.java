package dev.vireo.testapp.spring;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.agent.Traces;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/**
 * Spring Web MVC on the servlet SERVER span, run by one subclass per Boot version and container
 * against one {@link ShopApplication} per class (context path {@code /shop}, plus the dispatcher's
 * servlet path when the subclass sets one). Only API of Spring 5.3 to 7: RestClient and the JDK
 * HttpClient factory are in {@link SpringWebMvcClientScenarios}.
 */
@ExtendWith(AgentTestingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SpringWebMvcScenarios {

  private ConfigurableApplicationContext app;
  private int port;

  /** {@code spring.mvc.servlet.path}: empty (the dispatcher on {@code /}) or e.g. {@code /api}. */
  protected String servletPath() {
    return "";
  }

  @BeforeAll
  void startShop() {
    app =
        servletPath().isEmpty()
            ? ShopApplication.start()
            : ShopApplication.start("--spring.mvc.servlet.path=" + servletPath());
    port = ShopApplication.port(app);
  }

  @AfterAll
  void stopShop() {
    if (app != null) {
      app.close();
    }
  }

  protected final int port() {
    return port;
  }

  /** Context path and servlet path: where the dispatcher's patterns start. */
  protected final String base() {
    return ShopApplication.CONTEXT_PATH + servletPath();
  }

  @Test
  void annotatedControllerGivesItsPatternWithThePathVariable() throws Exception {
    UntracedHttp.Response response = UntracedHttp.get(port, base() + "/orders/42");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("order 42");

    SpanData span = onlyServerSpan();
    assertThat(span.getName()).isEqualTo("GET " + base() + "/orders/{orderId}");
    org.assertj.core.api.Assertions.assertThat(span.getStatus()).isEqualTo(StatusData.unset());
    io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat(span)
        .hasKind(SpanKind.SERVER)
        .hasTotalRecordedEvents(0)
        .hasAttributesSatisfyingExactly(
            serverAttributes(base() + "/orders/42", base() + "/orders/{orderId}", 200));
  }

  @Test
  void routerFunctionGivesItsPattern() throws Exception {
    UntracedHttp.Response response = UntracedHttp.get(port, base() + "/fn/items/7");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("item 7");

    SpanData span = onlyServerSpan();
    assertThat(span.getName()).isEqualTo("GET " + base() + "/fn/items/{id}");
    assertThat(span.getAttributes().get(stringKey("http.route"))).isEqualTo(base() + "/fn/items/{id}");
  }

  @Test
  void actuatorEndpointsGiveTheirPatterns() throws Exception {
    assertThat(UntracedHttp.get(port, base() + "/actuator/health").status()).isEqualTo(200);
    SpanData health = onlyServerSpan();
    assertThat(health.getName()).isEqualTo("GET " + base() + "/actuator/health");
    assertThat(health.getAttributes().get(stringKey("http.route"))).isEqualTo(base() + "/actuator/health");
    AgentTesting.clear();

    assertThat(UntracedHttp.get(port, base() + "/actuator/metrics/jvm.threads.live").status()).isEqualTo(200);
    SpanData metric = onlyServerSpan();
    assertThat(metric.getName()).isEqualTo("GET " + base() + "/actuator/metrics/{requiredMetricName}");
    assertThat(metric.getAttributes().get(stringKey("http.route")))
        .isEqualTo(base() + "/actuator/metrics/{requiredMetricName}");
  }

  @Test
  void noHandlerMeansNoRouteNotTheRawPath() throws Exception {
    assertThat(UntracedHttp.get(port, base() + "/no/such/page").status()).isEqualTo(404);

    SpanData span = serverSpanWithSendError(); // Spring answers with sendError(404)
    io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat(span)
        .hasName("GET")
        .hasStatus(StatusData.unset())
        .hasTotalRecordedEvents(0)
        .hasAttributesSatisfyingExactly(serverAttributes(base() + "/no/such/page", null, 404));
  }

  @Test
  void unhandledControllerExceptionIsA500WithTheExceptionAndKeepsTheRoute() throws Exception {
    assertThat(UntracedHttp.get(port, base() + "/orders/1/broken").status()).isEqualTo(500);

    SpanData span = onlyServerSpan(); // Boot's error page dispatch neither starts a span nor renames this one
    io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat(span)
        .hasName("GET " + base() + "/orders/{orderId}/broken")
        .hasStatus(StatusData.error())
        .hasAttribute(stringKey("http.route"), base() + "/orders/{orderId}/broken")
        .hasAttribute(longKey("http.response.status_code"), 500L)
        .hasAttribute(stringKey("error.type"), "java.lang.IllegalStateException")
        .hasEventsSatisfyingExactly(
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(stringKey("exception.type"), "java.lang.IllegalStateException"),
                        equalTo(stringKey("exception.message"), "order 1 is broken")));
  }

  @Test
  void exceptionHandlerTurningItIntoA400LeavesTheSpanUnset() throws Exception {
    UntracedHttp.Response response = UntracedHttp.get(port, base() + "/orders/2/invalid");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("order 2 is invalid");

    SpanData span = onlyServerSpan();
    io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat(span)
        .hasName("GET " + base() + "/orders/{orderId}/invalid")
        .hasStatus(StatusData.unset())
        .hasTotalRecordedEvents(0)
        .hasAttributesSatisfyingExactly(
            serverAttributes(base() + "/orders/2/invalid", base() + "/orders/{orderId}/invalid", 400));
  }

  @Test
  void responseStatusExceptionTurnedIntoA503IsRecordedOnTheServerSpan() throws Exception {
    assertThat(UntracedHttp.get(port, base() + "/orders/3/unavailable").status()).isEqualTo(503);

    SpanData span = serverSpanWithSendError(); // Spring's resolver answers with sendError(503, reason)
    io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat(span)
        .hasName("GET " + base() + "/orders/{orderId}/unavailable")
        .hasStatus(StatusData.error())
        .hasAttribute(stringKey("error.type"), "503")
        .hasEventsSatisfyingExactly(
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(
                            stringKey("exception.type"),
                            "org.springframework.web.server.ResponseStatusException")));
  }

  @Test
  void restTemplateOverHttpUrlConnectionIsOneClientSpan() throws Exception {
    assertOneClientSpan(new RestTemplate(new SimpleClientHttpRequestFactory())::getForObject);
  }

  /** A GET of a URL into a body: a RestClient's or a RestTemplate's {@code getForObject}. */
  protected interface Get {
    String get(String url, Class<String> type, Object... uriVariables);
  }

  /** The test thread calls the inventory: one CLIENT span, and the server continues its trace. */
  protected final void assertOneClientSpan(Get client) {
    String body = client.get("http://127.0.0.1:" + port + base() + "/inventory/sku-9", String.class);
    assertThat(body).isEqualTo("sku-9 in stock");

    Traces traces = AgentTesting.waitForSpans(2);
    assertThat(traces.size()).as("traces: %s", traces).isEqualTo(1);
    Trace trace = traces.trace(0);
    assertThat(trace.size()).as("spans: %s", trace).isEqualTo(2);
    trace.span(0)
        .hasKind(SpanKind.CLIENT)
        .hasName("GET")
        .hasNoParent()
        .hasAttribute(stringKey("http.request.method"), "GET")
        .hasAttribute(stringKey("url.full"), "http://127.0.0.1:" + port + base() + "/inventory/sku-9")
        .hasAttribute(stringKey("server.address"), "127.0.0.1")
        .hasAttribute(longKey("server.port"), (long) port)
        .hasAttribute(longKey("http.response.status_code"), 200L);
    trace.span(1).hasKind(SpanKind.SERVER).hasName("GET " + base() + "/inventory/{sku}").hasParent(trace.get(0));
  }

  /** Waits for the request's SERVER span and checks it is the only span of the request. */
  /**
   * The request's SERVER span, and its one child: the INTERNAL span around the container response's {@code
   * sendError}, named after the class whose code runs ({@code ResponseFacade.sendError} on Tomcat), as the OpenTelemetry
   * agent makes it.
   */
  protected static SpanData serverSpanWithSendError() {
    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    assertThat(AgentTesting.spans()).as("spans: %s", trace).hasSize(2);
    trace.span(0).hasKind(SpanKind.SERVER);
    String responseClass = trace.get(1).getAttributes().get(stringKey("code.namespace"));
    assertThat(responseClass).as("spans: %s", trace).isNotNull();
    trace.span(1)
        .hasName(responseClass.substring(responseClass.lastIndexOf('.') + 1) + ".sendError")
        .hasKind(SpanKind.INTERNAL)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), responseClass), equalTo(stringKey("code.function"), "sendError"));
    return trace.get(0);
  }

  protected static SpanData onlyServerSpan() {
    Traces traces = AgentTesting.waitForSpans(1);
    List<SpanData> all = AgentTesting.spans();
    List<SpanData> servers = all.stream().filter(s -> s.getKind() == SpanKind.SERVER).collect(Collectors.toList());
    assertThat(servers).as("SERVER spans: %s", all).hasSize(1);
    assertThat(all).as("spans: %s", all).hasSize(1);
    return traces.trace(0).get(0);
  }

  /** Every attribute of a SERVER span of this shop; {@code route} null when there is none. */
  protected final AttributeAssertion[] serverAttributes(String path, String route, long status) {
    List<AttributeAssertion> all =
        new ArrayList<>(
            Arrays.asList(
                equalTo(stringKey("http.request.method"), "GET"),
                equalTo(stringKey("url.scheme"), "http"),
                equalTo(stringKey("url.path"), path),
                equalTo(stringKey("network.protocol.version"), "1.1"),
                equalTo(stringKey("server.address"), "127.0.0.1"),
                equalTo(longKey("server.port"), (long) port),
                equalTo(stringKey("client.address"), "127.0.0.1"),
                equalTo(stringKey("network.peer.address"), "127.0.0.1"),
                satisfies(longKey("network.peer.port"), port -> port.isBetween(1L, 65535L)),
                equalTo(stringKey("user_agent.original"), "vireo-test/1.0"),
                equalTo(longKey("http.response.status_code"), status)));
    if (route != null) {
      all.add(equalTo(stringKey("http.route"), route));
    }
    return all.toArray(new AttributeAssertion[0]);
  }
}
