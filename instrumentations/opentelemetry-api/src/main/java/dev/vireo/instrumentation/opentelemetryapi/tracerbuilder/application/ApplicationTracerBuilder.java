package dev.vireo.instrumentation.opentelemetryapi.tracerbuilder.application;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.api.trace.TracerProvider;

/**
 * A tracer builder over the bridged tracer provider: {@code build()} is its {@code get(name, version)}
 * (the schema URL is not passed on).
 */
public final class ApplicationTracerBuilder implements TracerBuilder {

  /** The bridged provider of module {@code opentelemetry-api} (named, not referenced: another module). */
  private static final String BRIDGED_PROVIDER =
      "dev.vireo.instrumentation.opentelemetryapi.v1_0.application.ApplicationTracerProvider";

  private final TracerProvider provider;
  private final String name;
  private String version;

  private ApplicationTracerBuilder(TracerProvider provider, String name) {
    this.provider = provider;
    this.name = name;
  }

  static TracerBuilder forProvider(TracerProvider provider, String name, TracerBuilder original) {
    try {
      return provider != null && provider.getClass().getName().equals(BRIDGED_PROVIDER)
          ? new ApplicationTracerBuilder(provider, name)
          : original;
    } catch (Throwable e) {
      return original;
    }
  }

  @Override
  public TracerBuilder setSchemaUrl(String schemaUrl) {
    return this;
  }

  @Override
  public TracerBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
    this.version = instrumentationScopeVersion;
    return this;
  }

  @Override
  public Tracer build() {
    return version == null ? provider.get(name) : provider.get(name, version);
  }
}
