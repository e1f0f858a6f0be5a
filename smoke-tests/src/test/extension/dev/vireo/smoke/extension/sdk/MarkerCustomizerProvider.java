package dev.vireo.smoke.extension.sdk;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;

/** Adds {@link MarkerSpanProcessor} to the agent's tracer provider. */
public final class MarkerCustomizerProvider implements AutoConfigurationCustomizerProvider {

  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    customizer.addTracerProviderCustomizer((tracerProvider, config) -> tracerProvider.addSpanProcessor(
        new MarkerSpanProcessor(config.getString("extension.marker.value", "yes"))));
  }
}
