package dev.vireo.tooling.sdk;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;

/** A hook on SDK construction: the test harness adds in-memory exporters through it. */
public interface SdkCustomizer {

  SdkCustomizer NONE = builder -> {};

  void customize(AutoConfiguredOpenTelemetrySdkBuilder builder);
}
