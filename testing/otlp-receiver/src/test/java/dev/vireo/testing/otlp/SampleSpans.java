package dev.vireo.testing.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real SDK spans (a SERVER parent with a CLIENT child) to push through the OTLP exporters. */
final class SampleSpans {

  static final Resource RESOURCE = Resource.getDefault().merge(Resource.create(Attributes.of(
      AttributeKey.stringKey("service.name"), "receiver-test",
      AttributeKey.longKey("test.instance"), 7L)));

  private SampleSpans() {}

  /** Returns [server, client], ended in that order. */
  static List<SpanData> serverAndClient() {
    List<SpanData> ended = new ArrayList<>();
    SpanProcessor collector = new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {}

      @Override
      public boolean isStartRequired() {
        return false;
      }

      @Override
      public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
      }

      @Override
      public boolean isEndRequired() {
        return true;
      }
    };
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder().setResource(RESOURCE).addSpanProcessor(collector).build()) {
      Tracer tracer = provider.tracerBuilder("test-scope").setInstrumentationVersion("1.2.3").build();
      Span server = tracer.spanBuilder("GET /users/{id}")
          .setSpanKind(SpanKind.SERVER)
          .setStartTimestamp(1_000_000_000L, TimeUnit.NANOSECONDS)
          .setAttribute("http.request.method", "GET")
          .setAttribute("http.response.status_code", 500L)
          .setAttribute("test.flag", true)
          .setAttribute("test.ratio", 0.5)
          .setAttribute(AttributeKey.stringArrayKey("test.tags"), List.of("a", "b"))
          .startSpan();
      server.addEvent("exception", Attributes.of(AttributeKey.stringKey("exception.type"), "java.io.IOException"),
          1_500_000_000L, TimeUnit.NANOSECONDS);
      server.setStatus(StatusCode.ERROR, "boom");
      Span client = tracer.spanBuilder("SELECT test.users")
          .setSpanKind(SpanKind.CLIENT)
          .setParent(Context.root().with(server))
          .addLink(server.getSpanContext(), Attributes.of(AttributeKey.stringKey("link.reason"), "test"))
          .setStartTimestamp(1_100_000_000L, TimeUnit.NANOSECONDS)
          .startSpan();
      client.end(1_200_000_000L, TimeUnit.NANOSECONDS);
      server.end(2_000_000_000L, TimeUnit.NANOSECONDS);
    }
    // The client ended first; hand them back parent first.
    return List.of(ended.get(1), ended.get(0));
  }
}
