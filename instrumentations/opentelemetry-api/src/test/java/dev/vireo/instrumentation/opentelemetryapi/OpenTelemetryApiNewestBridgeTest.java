package dev.vireo.instrumentation.opentelemetryapi;

/** The application's API at the newest version the bridge is tested with (see the module's pom). */
class OpenTelemetryApiNewestBridgeTest extends AbstractOpenTelemetryApiBridgeTest {

  @Override
  String apiVersion() {
    return "newest";
  }
}
