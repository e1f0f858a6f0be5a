package dev.vireo.testapp.spring;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code otel.instrumentation.common.experimental.controller-telemetry.enabled=true} (the agent reads
 * it once: each subclass runs in a JVM of its own with it set, see its module's pom): an INTERNAL
 * {@code {Controller}.{method}} span under the SERVER span for annotated controllers, none for router
 * functions. Run on Boot 4 (jakarta) and Boot 2.7 (javax).
 */
@ExtendWith(AgentTestingExtension.class)
public abstract class ControllerTelemetryScenarios {

  private static ConfigurableApplicationContext app;
  private static int port;

  @BeforeAll
  static void startShop() {
    assertThat(System.getProperty("otel.instrumentation.common.experimental.controller-telemetry.enabled"))
        .as("the option is set for this test's JVM by its module's pom; a -Dtest naming it runs it without")
        .isEqualTo("true");
    app = ShopApplication.start();
    port = ShopApplication.port(app);
  }

  @AfterAll
  static void stopShop() {
    app.close();
  }

  @Test
  void controllerMethodIsAnInternalSpanUnderTheServerSpan() throws Exception {
    assertThat(UntracedHttp.get(port, "/shop/orders/42").status()).isEqualTo(200);

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    assertThat(trace.size()).isEqualTo(2);
    trace.span(0).hasKind(SpanKind.SERVER).hasName("GET /shop/orders/{orderId}");
    trace.span(1)
        .hasKind(SpanKind.INTERNAL)
        .hasName("OrderController.order")
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), "dev.vireo.testapp.spring.OrderController"),
            equalTo(stringKey("code.function"), "order"));
  }

  @Test
  void exceptionOfTheControllerMethodIsOnItsSpan() throws Exception {
    assertThat(UntracedHttp.get(port, "/shop/orders/1/broken").status()).isEqualTo(500);

    Trace trace = AgentTesting.waitForSpans(2).trace(0);
    trace.span(0).hasKind(SpanKind.SERVER).hasName("GET /shop/orders/{orderId}/broken").hasStatus(StatusData.error());
    trace.span(1)
        .hasKind(SpanKind.INTERNAL)
        .hasName("OrderController.broken")
        .hasParent(trace.get(0))
        .hasStatus(StatusData.error())
        .hasEventsSatisfyingExactly(
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(stringKey("exception.type"), "java.lang.IllegalStateException")));
  }

  @Test
  void routerFunctionHasNoControllerSpan() throws Exception {
    assertThat(UntracedHttp.get(port, "/shop/fn/items/3").status()).isEqualTo(200);
    // A positive signal that the first request's spans are all in: a second, annotated, request.
    assertThat(UntracedHttp.get(port, "/shop/orders/43").status()).isEqualTo(200);

    var traces = AgentTesting.waitForSpans(3);
    assertThat(traces.size()).isEqualTo(2);
    Trace routed = traces.all().stream().filter(t -> t.get(0).getName().startsWith("GET /shop/fn/")).findFirst().orElseThrow();
    assertThat(routed.size()).as("spans: %s", routed).isEqualTo(1);
  }
}
