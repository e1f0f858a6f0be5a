package dev.vireo.instrumentation.api;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import dev.vireo.instrumentation.api.semconv.code.CodeFunction;
import dev.vireo.instrumentation.api.semconv.code.CodeFunctionInstrumenters;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CurrentSpanCallTest {

  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  private static Instrumenter<CodeFunction, Void> instrumenter;

  @BeforeAll
  static void install() {
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
            .build();
    VireoTelemetry.install(() -> sdk);
    instrumenter = CodeFunctionInstrumenters.create("test", true);
  }

  @BeforeEach
  void clear() {
    SPANS.reset();
  }

  @Test
  void theSpanIsCurrentWhileTheCallRunsAndEndsWithWhatItThrew() {
    CodeFunction function = new CodeFunction(CurrentSpanCallTest.class, "handle");
    Context before = Context.current();

    CurrentSpanCall<CodeFunction> call = CurrentSpanCall.start(instrumenter, before, function);
    SpanContext during = Span.current().getSpanContext();
    assertThat(during.isValid()).isTrue();
    assertThat(SPANS.getFinishedSpanItems()).isEmpty();
    call.end(new IllegalStateException("boom"));

    assertThat(Context.current()).isSameAs(before);
    assertThat(SPANS.getFinishedSpanItems()).hasSize(1);
    assertThat(SPANS.getFinishedSpanItems().get(0))
        .hasName("CurrentSpanCallTest.handle")
        .hasKind(SpanKind.INTERNAL)
        .hasSpanId(during.getSpanId())
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("code.namespace"), CurrentSpanCallTest.class.getName()),
            equalTo(stringKey("code.function"), "handle"));
  }

  @Test
  void aCallThatReturnsEndsTheSpanUnset() {
    CodeFunction function = new CodeFunction(CurrentSpanCallTest.class, "handle");
    CurrentSpanCall.endIfStarted(CurrentSpanCall.start(instrumenter, Context.current(), function), null);

    assertThat(Span.current().getSpanContext().isValid()).isFalse();
    assertThat(SPANS.getFinishedSpanItems()).hasSize(1);
    assertThat(SPANS.getFinishedSpanItems().get(0)).hasStatus(StatusData.unset());
  }
}
