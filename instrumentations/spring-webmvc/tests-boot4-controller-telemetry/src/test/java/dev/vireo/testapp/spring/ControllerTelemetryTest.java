package dev.vireo.testapp.spring;

/** The controller-telemetry scenarios on Spring Boot 4 (jakarta, Tomcat 11). */
class ControllerTelemetryTest extends ControllerTelemetryScenarios {}
