package dev.vireo.instrumentation.opentelemetryapi;

/** The application's API at the middle version the bridge is tested with (see the module's pom). */
class OpenTelemetryApiMiddleBridgeTest extends AbstractOpenTelemetryApiBridgeTest {

  @Override
  String apiVersion() {
    return "middle";
  }
}
