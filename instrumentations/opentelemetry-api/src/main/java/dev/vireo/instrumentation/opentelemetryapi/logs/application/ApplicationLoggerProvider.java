package dev.vireo.instrumentation.opentelemetryapi.logs.application;

import dev.vireo.instrumentation.opentelemetryapi.logs.AgentLogs;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.LoggerBuilder;
import io.opentelemetry.api.logs.LoggerProvider;

/** The application's logger provider: the agent SDK's, under the application's instrumentation scopes. */
public final class ApplicationLoggerProvider implements LoggerProvider {

  /** The bridged OpenTelemetry of module {@code opentelemetry-api} (named, not referenced: another module). */
  private static final String BRIDGED_OPEN_TELEMETRY =
      "dev.vireo.instrumentation.opentelemetryapi.v1_0.application.ApplicationOpenTelemetry";

  static final ApplicationLoggerProvider INSTANCE = new ApplicationLoggerProvider();

  private ApplicationLoggerProvider() {}

  static LoggerProvider forOpenTelemetry(Object openTelemetry, LoggerProvider original) {
    try {
      return openTelemetry != null && openTelemetry.getClass().getName().equals(BRIDGED_OPEN_TELEMETRY)
          ? INSTANCE
          : original;
    } catch (Throwable e) {
      return original;
    }
  }

  @Override
  public LoggerBuilder loggerBuilder(String instrumentationScopeName) {
    return new Builder(instrumentationScopeName);
  }

  private static final class Builder implements LoggerBuilder {
    private final String name;
    private String version;
    private String schemaUrl;

    Builder(String name) {
      this.name = name;
    }

    @Override
    public LoggerBuilder setSchemaUrl(String schemaUrl) {
      this.schemaUrl = schemaUrl;
      return this;
    }

    @Override
    public LoggerBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
      this.version = instrumentationScopeVersion;
      return this;
    }

    @Override
    public Logger build() {
      Object agentLogger = AgentLogs.logger(name, version, schemaUrl);
      return new ApplicationLogger(agentLogger);
    }
  }

  /** One of the agent's loggers. */
  private static final class ApplicationLogger implements Logger {
    private final Object agentLogger;

    ApplicationLogger(Object agentLogger) {
      this.agentLogger = agentLogger;
    }

    @Override
    public LogRecordBuilder logRecordBuilder() {
      return new ApplicationLogRecordBuilder(AgentLogs.logRecordBuilder(agentLogger));
    }
  }
}
