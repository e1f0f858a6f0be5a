/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;

/**
 * Swaps the OpenTelemetry API's W3C propagators for the strict ones of this package.
 *
 * <p>Wiring: SDK autoconfiguration resolves the names {@code tracecontext} and {@code baggage} of
 * {@code otel.propagators} itself (to {@link W3CTraceContextPropagator#getInstance()} and {@link
 * W3CBaggagePropagator#getInstance()}) before any {@code ConfigurablePropagatorProvider} is
 * consulted, so a provider cannot replace them. But the propagator customizer runs once per
 * configured propagator, before they are composed; so
 *
 * <pre>{@code
 * AutoConfiguredOpenTelemetrySdk.builder()
 *     .addPropagatorCustomizer(StrictPropagators::replaceDefaults)
 * }</pre>
 *
 * replaces exactly those two and leaves every other propagator ({@code b3}, {@code jaeger}, ...)
 * and the configured order untouched.
 */
public final class StrictPropagators {

  private StrictPropagators() {}

  /**
   * The strict equivalent of {@code configured} if it is the API's W3C trace context or baggage
   * propagator, otherwise {@code configured} itself. A composite propagator is returned as is:
   * its parts are not reachable through the public API (autoconfiguration never passes one).
   */
  public static TextMapPropagator replaceDefaults(TextMapPropagator configured) {
    if (configured instanceof W3CTraceContextPropagator) {
      return StrictTraceContextPropagator.getInstance();
    }
    if (configured instanceof W3CBaggagePropagator) {
      return StrictBaggagePropagator.getInstance();
    }
    return configured;
  }

  /**
   * {@link #replaceDefaults(TextMapPropagator)} in the shape of {@code
   * AutoConfigurationCustomizer.addPropagatorCustomizer}'s {@code BiFunction}.
   */
  public static TextMapPropagator replaceDefaults(
      TextMapPropagator configured, ConfigProperties config) {
    return replaceDefaults(configured);
  }
}
