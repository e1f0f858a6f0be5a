package dev.vireo.instrumentation.rxjava3;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testapp.rxjava3.Shipments;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @WithSpan} on methods returning RxJava 3 types: the span ends when the returned result
 * terminates or is disposed, and work its subscription starts is under it. The surefire configuration
 * turns {@code otel.instrumentation.rxjava.experimental-span-attributes} on.
 */
@ExtendWith(AgentTestingExtension.class)
class RxJavaWithSpanTest {

  private static final String SHIPMENTS = "dev.vireo.testapp.rxjava3.Shipments";

  private final Shipments shipments = new Shipments();

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void singleSpanEndsAfterItsDelayedSuccessAndParentsTheOperatorsWork() {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    Single<String> shipped;
    try (Scope ignored = parent.makeCurrent()) {
      shipped = shipments.ship("p-7", 50);
    }
    // ended at return it would be exported now
    assertThat(AgentTesting.spans()).isEmpty();
    assertThat(shipped.blockingGet()).isEqualTo("shipped p-7");
    parent.end();

    Traces traces = AgentTesting.waitForSpans(3);
    assertThat(traces.size()).isEqualTo(1);
    List<SpanData> spans = traces.trace(0).spans();
    assertThat(spans).hasSize(3);
    SpanData method = named(spans, "Shipments.ship");
    SpanData label = named(spans, "label");
    assertThat(method.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(label.getParentSpanId()).isEqualTo(method.getSpanId());
    assertThat(method.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(method.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(method.getEvents()).isEmpty();
    assertThat(method.getAttributes().get(stringKey("parcel"))).isEqualTo("p-7");
    assertThat(method.getEndEpochNanos()).isGreaterThanOrEqualTo(label.getEndEpochNanos());
    assertThat(method.getEndEpochNanos() - method.getStartEpochNanos())
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
  }

  @Test
  void flowableSpanEndsOnCompletionWithTheObserveOnStageUnderIt() {
    assertThat(shipments.parcels(3).toList().blockingGet()).containsExactly(1, 2, 3);

    List<SpanData> spans = AgentTesting.waitForSpans(4).trace(0).spans();
    assertThat(spans).hasSize(4);
    SpanData method = named(spans, "Shipments.parcels");
    assertThat(method.getParentSpanContext().isValid()).isFalse();
    assertThat(method.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    for (String parcel : new String[] {"parcel-1", "parcel-2", "parcel-3"}) {
      SpanData child = named(spans, parcel);
      assertThat(child.getParentSpanId()).as(parcel).isEqualTo(method.getSpanId());
      assertThat(method.getEndEpochNanos()).as(parcel).isGreaterThanOrEqualTo(child.getEndEpochNanos());
    }
  }

  @Test
  void maybeErrorIsRecorded() {
    Maybe<String> lost = shipments.lost();
    assertThat(AgentTesting.spans()).isEmpty();
    assertThatThrownBy(lost::blockingGet).isInstanceOf(IllegalStateException.class).hasMessage("parcel lost");

    SpanData method = AgentTesting.waitForTraces(1).trace(0).get(0);
    assertThat(method.getName()).isEqualTo("Shipments.lost");
    assertThat(method.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(method.getEvents()).hasSize(1);
    assertThat(method.getEvents().get(0).getName()).isEqualTo("exception");
    assertThat(method.getEvents().get(0).getAttributes().get(stringKey("exception.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(method.getEvents().get(0).getAttributes().get(stringKey("exception.message"))).isEqualTo("parcel lost");
    assertThat(method.getEndEpochNanos() - method.getStartEpochNanos())
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(10));
  }

  @Test
  void completableEndsOnCompletionWithItsTimerWorkUnderIt() {
    Completable delivery = shipments.deliver();
    assertThat(AgentTesting.spans()).isEmpty();
    delivery.blockingAwait();

    List<SpanData> spans = AgentTesting.waitForSpans(2).trace(0).spans();
    assertThat(spans).hasSize(2);
    SpanData method = named(spans, "Shipments.deliver");
    SpanData delivered = named(spans, "delivered");
    assertThat(delivered.getParentSpanId()).isEqualTo(method.getSpanId());
    assertThat(method.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(method.getEndEpochNanos()).isGreaterThanOrEqualTo(delivered.getEndEpochNanos());
  }

  @Test
  void observableSpanEndsOnCompletionWithEachValuesWorkUnderIt() {
    assertThat(shipments.stops().toList().blockingGet()).containsExactly("a", "b");

    List<SpanData> spans = AgentTesting.waitForSpans(3).trace(0).spans();
    assertThat(spans).hasSize(3);
    SpanData method = named(spans, "Shipments.stops");
    assertThat(named(spans, "a").getParentSpanId()).isEqualTo(method.getSpanId());
    assertThat(named(spans, "b").getParentSpanId()).isEqualTo(method.getSpanId());
  }

  @Test
  void disposalEndsTheSpanMarkedCanceledWithoutError() throws InterruptedException {
    CountDownLatch firstValue = new CountDownLatch(1);
    Disposable tracking = shipments.track().subscribe(tick -> firstValue.countDown());
    assertThat(firstValue.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(AgentTesting.spans()).isEmpty();
    tracking.dispose();

    AgentTesting.waitForTraces(1).trace(0).span(0)
        .hasName("Shipments.track")
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), SHIPMENTS),
            equalTo(stringKey("code.function"), "track"),
            equalTo(booleanKey("rxjava.canceled"), true));
    SpanData method = AgentTesting.spans().get(0);
    assertThat(method.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(method.getEvents()).isEmpty();
  }

  @Test
  void flowableCancelledByTakeEndsTheSpanMarkedCanceled() {
    assertThat(shipments.ticks().take(2).toList().blockingGet()).containsExactly(0L, 1L);

    AgentTesting.waitForTraces(1).trace(0).span(0)
        .hasName("Shipments.ticks")
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), SHIPMENTS),
            equalTo(stringKey("code.function"), "ticks"),
            equalTo(booleanKey("rxjava.canceled"), true));
  }

  @Test
  void neverSubscribedResultExportsNoSpan() {
    shipments.ship("p-9", 1);
    shipments.marker();
    // the marker's trace is exported; the unsubscribed shipment's span never is
    AgentTesting.waitForTraces(1);
    assertThat(AgentTesting.spans()).extracting(SpanData::getName).containsExactly("Shipments.marker");
  }
}
