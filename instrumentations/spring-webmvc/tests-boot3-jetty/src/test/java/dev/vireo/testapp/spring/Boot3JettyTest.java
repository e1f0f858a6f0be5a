package dev.vireo.testapp.spring;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.agent.Traces;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.JettyClientHttpRequestFactory;

/**
 * The Spring Web MVC scenarios on Spring Boot 3 with embedded Jetty 12, the dispatcher mapped to
 * {@code /api/*}: every route starts with the context path and the servlet path ({@code /shop/api}).
 * Here RestClient left to itself uses Jetty's HttpClient.
 */
class Boot3JettyTest extends SpringWebMvcClientScenarios {

  @Override
  protected String servletPath() {
    return "/api";
  }

  @Test
  void restClientOverJettyClientIsOneTraceOfTwoServerSpansAndOneClientSpan() throws Exception {
    UntracedHttp.Response response = UntracedHttp.get(port(), base() + "/orders/6/default-client-summary");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("order 6: sku-6 in stock");

    Traces traces = AgentTesting.waitForSpans(3);
    assertThat(traces.size()).as("traces: %s", traces).isEqualTo(1);
    Trace trace = traces.trace(0);
    assertThat(trace.size()).as("spans: %s", trace).isEqualTo(3);
    trace.span(0)
        .hasKind(SpanKind.SERVER)
        .hasName("GET " + base() + "/orders/{orderId}/default-client-summary")
        .hasNoParent();
    String inventoryUrl = "http://127.0.0.1:" + port() + base() + "/inventory/sku-6";
    trace.span(1)
        .hasKind(SpanKind.CLIENT)
        .hasName("GET")
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("http.request.method"), "GET"),
            equalTo(stringKey("url.full"), inventoryUrl),
            equalTo(stringKey("server.address"), "127.0.0.1"),
            equalTo(longKey("server.port"), (long) port()),
            equalTo(longKey("http.response.status_code"), 200L),
            equalTo(stringKey("network.protocol.version"), "1.1"));
    // Jetty's HttpClient made the call, and its traceparent is what the inventory's SERVER span continued.
    assertThat(trace.get(1).getInstrumentationScopeInfo().getName()).isEqualTo("dev.vireo.jetty-httpclient");
    trace.span(2).hasKind(SpanKind.SERVER).hasName("GET " + base() + "/inventory/{sku}").hasParent(trace.get(1));
  }

  @Test
  void restClientOverJettyClientFromTheTestThreadIsOneClientSpan() throws Exception {
    assertOneClientSpan(restClient(new JettyClientHttpRequestFactory()));
    assertThat(AgentTesting.spans().stream().filter(span -> span.getKind() == SpanKind.CLIENT))
        .singleElement()
        .satisfies(span -> assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("dev.vireo.jetty-httpclient"));
  }
}
