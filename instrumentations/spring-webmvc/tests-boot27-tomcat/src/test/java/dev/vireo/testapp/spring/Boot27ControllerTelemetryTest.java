package dev.vireo.testapp.spring;

/**
 * The controller-telemetry scenarios on Spring Boot 2.7 ({@code javax.servlet}, Tomcat 9): run by
 * this module's {@code controller-telemetry} surefire execution, which sets the option.
 */
class Boot27ControllerTelemetryTest extends ControllerTelemetryScenarios {}
