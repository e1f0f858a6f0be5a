package dev.vireo.instrumentation.opentelemetryapi.metrics.application;

import dev.vireo.instrumentation.opentelemetryapi.metrics.AgentMeters;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.MeterProvider;

/** The application's meter provider: the agent SDK's, under the application's instrumentation scopes. */
public final class ApplicationMeterProvider implements MeterProvider {

  /** The bridged OpenTelemetry of module {@code opentelemetry-api} (named, not referenced: another module). */
  private static final String BRIDGED_OPEN_TELEMETRY =
      "dev.vireo.instrumentation.opentelemetryapi.v1_0.application.ApplicationOpenTelemetry";

  static final ApplicationMeterProvider INSTANCE = new ApplicationMeterProvider();

  private ApplicationMeterProvider() {}

  static MeterProvider forOpenTelemetry(Object openTelemetry, MeterProvider original) {
    try {
      return openTelemetry != null && openTelemetry.getClass().getName().equals(BRIDGED_OPEN_TELEMETRY)
          ? INSTANCE
          : original;
    } catch (Throwable e) {
      return original;
    }
  }

  @Override
  public MeterBuilder meterBuilder(String instrumentationScopeName) {
    return new Builder(instrumentationScopeName);
  }

  private static final class Builder implements MeterBuilder {
    private final String name;
    private String version;
    private String schemaUrl;

    Builder(String name) {
      this.name = name;
    }

    @Override
    public MeterBuilder setSchemaUrl(String schemaUrl) {
      this.schemaUrl = schemaUrl;
      return this;
    }

    @Override
    public MeterBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
      this.version = instrumentationScopeVersion;
      return this;
    }

    @Override
    public Meter build() {
      return new ApplicationMeter(AgentMeters.meter(name, version, schemaUrl));
    }
  }
}
