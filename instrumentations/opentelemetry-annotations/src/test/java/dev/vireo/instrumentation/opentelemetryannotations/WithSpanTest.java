package dev.vireo.instrumentation.opentelemetryannotations;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testapp.annotations.Inventory;
import dev.vireo.testapp.annotations.LegacyOrders;
import dev.vireo.testapp.annotations.Orders;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AgentTestingExtension.class)
class WithSpanTest {

  private static final String ORDERS = "dev.vireo.testapp.annotations.Orders";

  private final Orders orders = new Orders();

  @Test
  void annotatedMethodGetsAnInternalSpanWithItsAttributesUnderTheCurrentSpan() {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      assertThat(orders.place("42", 3, "fragile")).isEqualTo("placed 42");
    } finally {
      parent.end();
    }
    Traces traces = AgentTesting.waitForTraces(1);
    traces.trace(0).span(1)
        .hasName("Orders.place")
        .hasKind(SpanKind.INTERNAL)
        .hasParent(traces.trace(0).get(0))
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), ORDERS),
            equalTo(stringKey("code.function"), "place"),
            equalTo(stringKey("order.id"), "42"),
            equalTo(longKey("order.items"), 3L));
    assertThat(traces.trace(0).get(1).getInstrumentationScopeInfo().getName())
        .isEqualTo("dev.vireo.opentelemetry-instrumentation-annotations");
  }

  @Test
  void nameAndKindComeFromTheAnnotation() {
    orders.charge(1999);
    AgentTesting.waitForTraces(1).trace(0).span(0)
        .hasName("charge-card")
        .hasKind(SpanKind.CLIENT)
        .hasNoParent()
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), ORDERS),
            equalTo(stringKey("code.function"), "charge"),
            equalTo(longKey("amount.cents"), 1999L));
  }

  @Test
  void exceptionIsRecorded() {
    assertThatThrownBy(orders::decline).isInstanceOf(IllegalStateException.class);
    SpanData span = AgentTesting.waitForTraces(1).trace(0).get(0);
    assertThat(span.getName()).isEqualTo("Orders.decline");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents()).hasSize(1);
    assertThat(span.getEvents().get(0).getAttributes().get(stringKey("exception.message"))).isEqualTo("card declined");
  }

  @Test
  void spanOfAFutureEndsWhenTheFutureCompletes() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletableFuture<String> result = orders.quote(pending);
    // ended synchronously at return it would be there now
    assertThat(AgentTesting.spans()).isEmpty();
    pending.complete("12.50");
    assertThat(result.join()).isEqualTo("12.50");
    SpanData span = AgentTesting.waitForTraces(1).trace(0).get(0);
    assertThat(span.getName()).isEqualTo("Orders.quote");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void spanOfAFailedCompletionStageRecordsTheFailure() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletionStage<String> stage = orders.quoteStage(pending);
    assertThat(AgentTesting.spans()).isEmpty();
    pending.completeExceptionally(new IllegalArgumentException("no price"));
    assertThat(stage.toCompletableFuture().isCompletedExceptionally()).isTrue();
    SpanData span = AgentTesting.waitForTraces(1).trace(0).get(0);
    assertThat(span.getName()).isEqualTo("Orders.quoteStage");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getEvents().get(0).getAttributes().get(stringKey("exception.message"))).isEqualTo("no price");
  }

  @Test
  void inheritContextFalseStartsANewTrace() {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      orders.audit();
    } finally {
      parent.end();
    }
    Traces traces = AgentTesting.waitForTraces(2);
    SpanData audit = AgentTesting.spans().stream().filter(s -> s.getName().equals("Orders.audit")).findFirst().get();
    assertThat(audit.getParentSpanContext().isValid()).isFalse();
    assertThat(audit.getTraceId()).isNotEqualTo(parent.getSpanContext().getTraceId());
    assertThat(traces.size()).isEqualTo(2);
  }

  @Test
  void olderExtensionAnnotationsToo() {
    new LegacyOrders().place("7");
    AgentTesting.waitForTraces(1).trace(0).span(0)
        .hasName("legacy-place")
        .hasKind(SpanKind.INTERNAL)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), "dev.vireo.testapp.annotations.LegacyOrders"),
            equalTo(stringKey("code.function"), "place"),
            equalTo(stringKey("order.id"), "7"));
  }

  @Test
  void excludedMethodGetsNoSpan() {
    orders.ignored();
    orders.charge(1); // the marker: its span is the only one
    assertThat(AgentTesting.waitForTraces(1).trace(0).get(0).getName()).isEqualTo("charge-card");
    assertThat(AgentTesting.spans()).hasSize(1);
  }

  @Test
  void includedMethodsGetAnInternalSpanWithoutAnnotations() {
    Inventory inventory = new Inventory();
    inventory.untouched();
    assertThat(inventory.reserve("apple")).isEqualTo(5);
    inventory.release();
    Traces traces = AgentTesting.waitForTraces(2);
    assertThat(AgentTesting.spans()).hasSize(2);
    traces.trace(0).span(0)
        .hasName("Inventory.reserve")
        .hasKind(SpanKind.INTERNAL)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), "dev.vireo.testapp.annotations.Inventory"),
            equalTo(stringKey("code.function"), "reserve"));
    assertThat(traces.trace(0).get(0).getInstrumentationScopeInfo().getName()).isEqualTo("dev.vireo.methods");
    traces.trace(1).span(0).hasName("Inventory.release");
  }
}
