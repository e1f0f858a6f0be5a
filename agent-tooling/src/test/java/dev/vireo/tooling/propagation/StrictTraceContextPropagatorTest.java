/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictTraceContextPropagatorTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";
  private static final String PARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

  private final StrictTraceContextPropagator propagator =
      StrictTraceContextPropagator.getInstance();
  private SdkTracerProvider tracerProvider;

  @AfterEach
  void closeSdk() {
    if (tracerProvider != null) {
      tracerProvider.close();
    }
  }

  private SpanContext extracted(Headers headers) {
    return Span.fromContext(propagator.extract(Context.root(), headers, Headers.GETTER))
        .getSpanContext();
  }

  @Test
  void fieldsAreTheTwoLowercaseHeaders() {
    assertThat(propagator.fields()).containsExactly("traceparent", "tracestate");
  }

  @Test
  void roundTripKeepsIdsFlagsAndTheCombinedTraceStateInOrder() {
    Headers incoming =
        new Headers()
            .add("TraceParent", "00-" + TRACE_ID + "-" + SPAN_ID + "-03")
            .add("TRACESTATE", "rojo=00f067aa0ba902b7, congo=t61rcWkgMzE")
            .add("tracestate", "")
            .add("TrAcEsTaTe", " foo=1 ,, bar= 2");

    Context context = propagator.extract(Context.root(), incoming, Headers.GETTER);
    Headers outgoing = new Headers();
    propagator.inject(context, outgoing, Headers.SETTER);

    assertThat(outgoing.written())
        .containsExactly(
            Map.entry("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-03"),
            Map.entry("tracestate", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE,foo=1,bar= 2"));
    SpanContext remote = Span.fromContext(context).getSpanContext();
    assertThat(remote.isRemote()).isTrue();
    assertThat(remote.getTraceFlags().isSampled()).isTrue();
    assertThat(remote.getTraceFlags().isTraceIdRandom()).isTrue();
  }

  @Test
  void withoutTraceparentNothingIsExtractedEvenWithTracestate() {
    Context root = Context.root();
    Headers headers = new Headers().add("tracestate", "foo=1");

    assertThat(propagator.extract(root, headers, Headers.GETTER)).isSameAs(root);
  }

  @Test
  void severalTraceparentFieldsStartANewTrace() {
    Headers headers =
        new Headers()
            .add("traceparent", "00-12345678901234567890123456789011-1234567890123456-01")
            .add("traceparent", "00-12345678901234567890123456789012-1234567890123456-01");

    assertThat(extracted(headers).isValid()).isFalse();
  }

  @Test
  void severalTraceparentFieldsInDifferentCaseStartANewTrace() {
    Headers headers = new Headers().add("traceparent", PARENT).add("TRACEPARENT", PARENT);

    assertThat(extracted(headers).isValid()).isFalse();
  }

  @Test
  void aFoldedTraceparentFromAGetOnlyGetterStartsANewTrace() {
    Headers headers = new Headers().add("traceparent", PARENT).add("traceparent", PARENT);

    Context context = propagator.extract(Context.root(), headers, Headers.FOLDING_GETTER);

    assertThat(Span.fromContext(context).getSpanContext().isValid()).isFalse();
  }

  @Test
  void aGetOnlyGetterStillSeesFoldedTracestateFields() {
    Headers headers =
        new Headers().add("traceparent", PARENT).add("tracestate", "foo=1").add("tracestate", "bar=2");

    Context context = propagator.extract(Context.root(), headers, Headers.FOLDING_GETTER);

    assertThat(TraceStateHeader.format(Span.fromContext(context).getSpanContext().getTraceState()))
        .isEqualTo("foo=1,bar=2");
  }

  @Test
  void anInvalidTraceparentIgnoresTheTracestate() {
    Headers headers =
        new Headers()
            .add("traceparent", "00-00000000000000000000000000000000-" + SPAN_ID + "-01")
            .add("tracestate", "foo=1");

    assertThat(extracted(headers)).isSameAs(SpanContext.getInvalid());
  }

  @Test
  void anInvalidTracestateIsDroppedButTheTraceContinues() {
    Headers headers =
        new Headers().add("traceparent", PARENT).add("tracestate", "foo=1").add("tracestate", "foo=2");

    SpanContext spanContext = extracted(headers);

    assertThat(spanContext.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(spanContext.getTraceState().isEmpty()).isTrue();
  }

  @Test
  void wrongHeaderNamesAreNotRead() {
    Headers headers = new Headers().add("trace-parent", PARENT).add("trace.parent", PARENT);

    assertThat(extracted(headers).isValid()).isFalse();
  }

  @Test
  void aFailingGetterLeavesTheContextAsItWas() {
    Context root = Context.root();
    TextMapGetter<Headers> failing =
        new TextMapGetter<Headers>() {
          @Override
          public Iterable<String> keys(Headers carrier) {
            throw new IllegalStateException("boom");
          }

          @Override
          public String get(Headers carrier, String key) {
            throw new IllegalStateException("boom");
          }

          @Override
          public Iterator<String> getAll(Headers carrier, String key) {
            throw new IllegalStateException("boom");
          }
        };

    assertThat(propagator.extract(root, new Headers(), failing)).isSameAs(root);
    assertThat(propagator.extract(root, new Headers(), null)).isSameAs(root);
    assertThat(propagator.extract(null, new Headers(), Headers.GETTER)).isSameAs(Context.root());
  }

  @Test
  void aFailingSetterDoesNotThrow() {
    Context context =
        Context.root()
            .with(
                Span.wrap(
                    SpanContext.create(
                        TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault())));

    propagator.inject(
        context,
        new Headers(),
        (carrier, key, value) -> {
          throw new IllegalStateException("boom");
        });
  }

  @Test
  void injectsNothingWithoutAValidSpan() {
    Headers outgoing = new Headers();

    propagator.inject(Context.root(), outgoing, Headers.SETTER);

    assertThat(outgoing.written()).isEmpty();
  }

  @Test
  void injectWritesOnlyKnownFlagsAndNoEmptyTracestate() {
    SpanContext spanContext =
        SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.fromByte((byte) 0xff), TraceState.getDefault());
    Headers outgoing = new Headers();

    propagator.inject(Context.root().with(Span.wrap(spanContext)), outgoing, Headers.SETTER);

    assertThat(outgoing.written()).containsExactly(Map.entry("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-03"));
  }

  // --- with the real SDK: flags of the spans Vireo creates ---

  private Tracer tracer(IdGenerator idGenerator) {
    // Since SDK 1.67 a provider without span processor hands out no-op tracers.
    tracerProvider =
        SdkTracerProvider.builder()
            .setIdGenerator(idGenerator)
            .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create()))
            .build();
    return tracerProvider.get("test");
  }

  private Map<String, String> injectedBy(Span span) {
    Headers outgoing = new Headers();
    propagator.inject(Context.root().with(span), outgoing, Headers.SETTER);
    span.end();
    return outgoing.written();
  }

  @Test
  void aRootSpanFromTheRandomIdGeneratorCarriesTheRandomFlag() {
    Span root = tracer(IdGenerator.random()).spanBuilder("root").setNoParent().startSpan();

    String traceparent = injectedBy(root).get("traceparent");

    assertThat(traceparent)
        .isEqualTo(
            "00-" + root.getSpanContext().getTraceId() + "-" + root.getSpanContext().getSpanId() + "-03");
  }

  @Test
  void aRootSpanFromANonRandomIdGeneratorDoesNotClaimRandomness() {
    IdGenerator sequential =
        new IdGenerator() {
          private long next = 1;

          @Override
          public String generateSpanId() {
            return String.format("%016x", next++);
          }

          @Override
          public String generateTraceId() {
            return String.format("%032x", next++);
          }
        };
    Span root = tracer(sequential).spanBuilder("root").setNoParent().startSpan();

    assertThat(injectedBy(root).get("traceparent")).endsWith("-01");
  }

  @ParameterizedTest(name = "[{index}] incoming flags {0} -> child flags {1}")
  @CsvSource({
    "00, 00", // not sampled: parent-based sampling drops the child, random stays unset
    "01, 01", // sampled, no random: MUST stay unset for the same trace id
    "02, 02", // random kept, not sampled
    "03, 03",
    "09, 01", // unknown bit 0x08 dropped
    "fd, 01",
    "ff, 03",
  })
  void aChildOfAnExtractedParentKeepsSampledAndRandomAsReceived(String incoming, String child) {
    Tracer tracer = tracer(IdGenerator.random());
    Headers headers =
        new Headers()
            .add("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-" + incoming)
            .add("tracestate", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
    Context parent = propagator.extract(Context.root(), headers, Headers.GETTER);

    Span span = tracer.spanBuilder("child").setParent(parent).startSpan();
    Map<String, String> written = injectedBy(span);

    assertThat(span.getSpanContext().getSpanId()).isNotEqualTo(SPAN_ID);
    assertThat(written.get("traceparent"))
        .isEqualTo("00-" + TRACE_ID + "-" + span.getSpanContext().getSpanId() + "-" + child);
    assertThat(written.get("tracestate")).isEqualTo("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
  }

  @Test
  void anInvalidIncomingTraceparentMakesTheSdkStartANewTrace() {
    Tracer tracer = tracer(IdGenerator.random());
    Headers headers =
        new Headers()
            .add("traceparent", "00-" + TRACE_ID.toUpperCase() + "-" + SPAN_ID + "-01")
            .add("tracestate", "foo=1");
    Context parent = propagator.extract(Context.root(), headers, Headers.GETTER);

    Span span = tracer.spanBuilder("server").setParent(parent).startSpan();
    Map<String, String> written = injectedBy(span);

    assertThat(span.getSpanContext().getTraceId()).isNotEqualToIgnoringCase(TRACE_ID);
    assertThat(written).containsOnlyKeys("traceparent");
  }
}
