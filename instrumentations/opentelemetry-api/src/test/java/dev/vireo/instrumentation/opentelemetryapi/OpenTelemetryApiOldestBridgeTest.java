package dev.vireo.instrumentation.opentelemetryapi;

/** The application's API at the oldest version the bridge is tested with (see the module's pom). */
class OpenTelemetryApiOldestBridgeTest extends AbstractOpenTelemetryApiBridgeTest {

  @Override
  String apiVersion() {
    return "oldest";
  }
}
