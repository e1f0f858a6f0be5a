/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictPropagatorsTest {

  private static final String PARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void replacesTheApisW3cPropagators() {
    assertThat(StrictPropagators.replaceDefaults(W3CTraceContextPropagator.getInstance()))
        .isSameAs(StrictTraceContextPropagator.getInstance());
    assertThat(StrictPropagators.replaceDefaults(W3CBaggagePropagator.getInstance()))
        .isSameAs(StrictBaggagePropagator.getInstance());
  }

  @Test
  void leavesOtherPropagatorsAlone() {
    TextMapPropagator noop = TextMapPropagator.noop();
    TextMapPropagator composite =
        TextMapPropagator.composite(
            W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());

    assertThat(StrictPropagators.replaceDefaults(noop)).isSameAs(noop);
    assertThat(StrictPropagators.replaceDefaults(composite, null)).isSameAs(composite);
  }

  private static OpenTelemetrySdk autoConfigured(String propagators) {
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.traces.exporter", "none");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    properties.put("otel.propagators", propagators);
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> properties)
        .addPropagatorCustomizer(StrictPropagators::replaceDefaults)
        .build()
        .getOpenTelemetrySdk();
  }

  @Test
  void autoconfigurationWithTheCustomizerUsesTheStrictPropagators() {
    try (OpenTelemetrySdk sdk = autoConfigured("tracecontext,baggage")) {
      TextMapPropagator propagator = sdk.getPropagators().getTextMapPropagator();
      // The SDK's own tracecontext propagator would read one of the two values and continue.
      Headers twoParents =
          new Headers()
              .add("traceparent", PARENT)
              .add("traceparent", PARENT)
              .add("baggage", "k=v;p");

      Context context = propagator.extract(Context.root(), twoParents, Headers.GETTER);

      assertThat(Span.fromContext(context).getSpanContext().isValid()).isFalse();
      assertThat(Baggage.fromContext(context).getEntry("k").getMetadata().getValue())
          .isEqualTo("p");
      assertThat(propagator.fields()).containsExactlyInAnyOrder("traceparent", "tracestate", "baggage");
      assertThat(propagator.toString())
          .contains("StrictTraceContextPropagator")
          .contains("StrictBaggagePropagator");
    }
  }

  @Test
  void autoconfigurationKeepsTheConfiguredOrderAndOtherPropagators() {
    try (OpenTelemetrySdk sdk = autoConfigured("baggage")) {
      TextMapPropagator propagator = sdk.getPropagators().getTextMapPropagator();

      assertThat(propagator.fields()).containsExactly("baggage");
      assertThat(propagator.toString()).contains("StrictBaggagePropagator");
    }
  }
}
