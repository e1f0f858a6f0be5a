package dev.vireo.instrumentation.api.semconv.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.data.DoubleExemplarData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The duration histogram every protocol family shares: exemplars, and no work at all with no-op meters. */
class DurationMetricTest {

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");

  @AfterEach
  void uninstall() {
    VireoTelemetry.install(OpenTelemetry::noop);
  }

  @Test
  void aMeasurementInsideASampledSpanCarriesThatSpanAsExemplar() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    OpenTelemetrySdk sdk = SdkWithMetricReader.create(reader); // exemplar filter: the default, trace_based
    VireoTelemetry.install(() -> sdk);
    DurationMetric metric =
        DurationMetric.create("test", "test.operation.duration", "d", List.of(METHOD), List.of(0.1, 1.0));
    Span span = sdk.getTracer("test").spanBuilder("op").startSpan();
    assertThat(span.getSpanContext().isSampled()).isTrue();
    Context context = Context.root().with(span);

    Context started = metric.onStart(context, Attributes.of(METHOD, "GET"), 1_000_000_000L);
    metric.onEnd(started, Attributes.empty(), 1_250_000_000L);
    span.end();

    MetricData data = reader.collectAllMetrics().iterator().next();
    HistogramPointData point = data.getHistogramData().getPoints().iterator().next();
    assertThat(point.getSum()).isEqualTo(0.25);
    assertThat(point.getAttributes()).isEqualTo(Attributes.of(METHOD, "GET"));
    assertThat(point.getExemplars()).hasSize(1);
    DoubleExemplarData exemplar = point.getExemplars().get(0);
    assertThat(exemplar.getSpanContext().getTraceId()).isEqualTo(span.getSpanContext().getTraceId());
    assertThat(exemplar.getSpanContext().getSpanId()).isEqualTo(span.getSpanContext().getSpanId());
    sdk.close();
  }

  @Test
  void withNoOpMetersNothingIsDonePerOperation() {
    VireoTelemetry.install(OpenTelemetry::noop);
    DurationMetric metric =
        DurationMetric.create("test", "test.operation.duration", "d", List.of(METHOD), List.of(0.1, 1.0));
    Context context = Context.root();

    assertThat(metric.onStart(context, Attributes.of(METHOD, "GET"), 1L)).isSameAs(context);
  }
}
