package dev.vireo.instrumentation.opentelemetryapi;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Traces;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application with its own OpenTelemetry API (one version per subclass, in its own class loader)
 * inside the agent's traces: the agent's span is the application's current span, the application's
 * spans are the agent's children and parents, context and baggage agree both ways.
 */
@ExtendWith(AgentTestingExtension.class)
abstract class AbstractOpenTelemetryApiBridgeTest {

  private static Connection connection;
  private ApplicationApiClassLoader application;

  /** oldest, middle or newest. */
  abstract String apiVersion();

  private ApplicationApiClassLoader application() {
    if (application == null) {
      application = ApplicationApiClassLoader.forVersion(apiVersion());
    }
    return application;
  }

  @BeforeAll
  static void openDatabase() throws Exception {
    connection = DriverManager.getConnection("jdbc:h2:mem:otelapi;DB_CLOSE_DELAY=-1");
  }

  @AfterAll
  static void closeDatabase() throws Exception {
    connection.close();
  }

  @Test
  void applicationEnrichesTheAgentsServerSpanAndStartsAChildWithAJdbcChild() {
    Function<Connection, Map<String, String>> pricedOrder = application().newInstance("dev.vireo.testapp.otelapi.PricedOrder");
    Span server =
        VireoTelemetry.get().getTracer("test").spanBuilder("GET /orders").setSpanKind(SpanKind.SERVER).startSpan();
    Map<String, String> seen;
    try (Scope ignored = Context.current().with(server).with(Baggage.builder().put("tenant", "acme").build()).makeCurrent()) {
      seen = pricedOrder.apply(connection);
    } finally {
      server.end();
    }

    assertThat(seen)
        .containsEntry("current.traceId", server.getSpanContext().getTraceId())
        .containsEntry("current.spanId", server.getSpanContext().getSpanId())
        .containsEntry("current.recording", "true")
        .containsEntry("baggage.tenant", "acme")
        .containsEntry("after.spanId", server.getSpanContext().getSpanId());
    assertThat(seen.get("inside.spanId")).isEqualTo(seen.get("quote.spanId"));

    Traces traces = AgentTesting.waitForTraces(1);
    assertThat(traces.trace(0).size()).isEqualTo(3);
    SpanData serverData = traces.trace(0).get(0);
    traces.trace(0).span(0)
        .hasName("GET /orders")
        .hasKind(SpanKind.SERVER)
        .hasSpanId(server.getSpanContext().getSpanId())
        .hasAttributesSatisfyingExactly(equalTo(stringKey("order.id"), "42"), equalTo(longKey("order.items"), 3L))
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.create(StatusCode.ERROR, "partly out of stock"));
    assertThat(serverData.getEvents()).hasSize(2);
    assertThat(serverData.getEvents().get(0).getName()).isEqualTo("order.priced");
    assertThat(serverData.getEvents().get(0).getAttributes()).isEqualTo(Attributes.of(stringKey("currency"), "EUR"));
    assertThat(serverData.getEvents().get(1).getName()).isEqualTo("exception");
    assertThat(serverData.getEvents().get(1).getAttributes().get(stringKey("exception.message")))
        .isEqualTo("stock checked late");

    SpanData quote = traces.trace(0).get(1);
    traces.trace(0).span(1)
        .hasName("price-quote")
        .hasKind(SpanKind.INTERNAL)
        .hasSpanId(seen.get("quote.spanId"))
        .hasParent(serverData)
        .hasAttributesSatisfyingExactly(equalTo(stringKey("quote.currency"), "EUR"));
    assertThat(quote.getInstrumentationScopeInfo().getName()).isEqualTo("shop.pricing");
    assertThat(quote.getInstrumentationScopeInfo().getVersion()).isEqualTo("1.2");
    traces.trace(0).span(2).hasName("SELECT").hasKind(SpanKind.CLIENT).hasParent(quote);
  }

  @Test
  void contextsTheApplicationMakesCurrentAreTheAgentsAndBack() {
    Function<Function<String, String>, Map<String, String>> nested =
        application().newInstance("dev.vireo.testapp.otelapi.NestedContexts");
    Map<String, String> seen = nested.apply(AbstractOpenTelemetryApiBridgeTest::agentSide);

    assertThat(seen)
        .containsEntry("before.valid", "false")
        .containsEntry("agent.span", seen.get("manual.spanId"))
        .containsEntry("agent.baggage", "acme")
        .containsEntry("agent.span.with-baggage", seen.get("manual.spanId"))
        .containsEntry("cart", "3 items")
        .containsEntry("cart.spanId", seen.get("manual.spanId"))
        .containsEntry("cart.after-agent", "3 items")
        .containsEntry("cart.closed", "null")
        .containsEntry("agent.baggage.closed", "null")
        .containsEntry("agent.span.closed", "none")
        .containsEntry("after.valid", "false");

    Traces traces = AgentTesting.waitForTraces(1);
    assertThat(traces.trace(0).size()).isEqualTo(2);
    SpanData manual = traces.trace(0).get(0);
    traces.trace(0).span(0).hasName("cart-update").hasKind(SpanKind.INTERNAL).hasNoParent()
        .hasSpanId(seen.get("manual.spanId"));
    assertThat(manual.getInstrumentationScopeInfo().getName()).isEqualTo("shop.cart");
    traces.trace(0).span(1).hasName("agent-child").hasParent(manual).hasSpanId(seen.get("agent.child"));
  }

  /** What the agent's side sees of the current context. */
  private static String agentSide(String question) {
    switch (question) {
      case "span":
        Span span = Span.current();
        return span.getSpanContext().isValid() ? span.getSpanContext().getSpanId() : "none";
      case "baggage":
        return String.valueOf(Baggage.current().getEntryValue("tenant"));
      case "child-span":
        Span child = VireoTelemetry.get().getTracer("test").spanBuilder("agent-child").startSpan();
        child.end();
        return child.getSpanContext().getSpanId();
      default:
        throw new IllegalArgumentException(question);
    }
  }
}
