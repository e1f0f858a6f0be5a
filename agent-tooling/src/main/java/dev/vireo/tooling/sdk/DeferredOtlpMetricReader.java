package dev.vireo.tooling.sdk;

import dev.vireo.bootstrap.VireoLog;
import io.opentelemetry.exporter.internal.ExporterBuilderUtil;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.AutoConfigureListener;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InternalTelemetryVersion;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.DefaultAggregationSelector;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.time.Duration;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OTLP metric export ({@code otel.metrics.exporter=otlp}, the default), started at its first export rather than
 * with the SDK (issue 21). The SDK is built inside the application's first traced call; building the OTLP metric
 * exporter and its periodic reader there cost that call tens of milliseconds of CPU for an export a minute away. This
 * reader joins the meter provider at once, so every measurement from the start is kept, and answers the temporality,
 * aggregation and memory mode that the exporter will have (read from the same settings by the same SDK code). At the
 * first export (the first interval after start, a flush, or the shutdown) it builds the exporter through the SDK's own
 * provider and hands the collection to a {@link PeriodicMetricReader}, which then exports every interval as
 * autoconfiguration's would.
 */
final class DeferredOtlpMetricReader implements MetricReader {

  private final ConfigProperties config;
  private final ClassLoader providerLoader;
  private final AggregationTemporalitySelector temporality;
  private final DefaultAggregationSelector aggregation;
  private final MemoryMode memoryMode;
  /** Null until the first export; stays null when the exporter could not be built. */
  private volatile PeriodicMetricReader started;
  private boolean exporterUnavailable; // guarded by this
  private volatile CollectionRegistration registration = CollectionRegistration.noop();
  private volatile OpenTelemetrySdk sdk;
  private volatile Runnable beforeFirstExport = () -> {};

  DeferredOtlpMetricReader(ConfigProperties config, ClassLoader providerLoader) {
    this.config = config;
    this.providerLoader = providerLoader;
    AtomicReference<AggregationTemporalitySelector> temporality =
        new AtomicReference<>(AggregationTemporalitySelector.alwaysCumulative());
    ExporterBuilderUtil.configureOtlpAggregationTemporality(config, temporality::set);
    AtomicReference<DefaultAggregationSelector> aggregation =
        new AtomicReference<>(DefaultAggregationSelector.getDefault());
    ExporterBuilderUtil.configureOtlpHistogramDefaultAggregation(config, aggregation::set);
    // the OTLP exporters' own default when the setting is absent (the agent always sets it: AgentSdk.DEFAULTS)
    AtomicReference<MemoryMode> memoryMode = new AtomicReference<>(MemoryMode.REUSABLE_DATA);
    ExporterBuilderUtil.configureExporterMemoryMode(config, memoryMode::set);
    this.temporality = temporality.get();
    this.aggregation = aggregation.get();
    this.memoryMode = memoryMode.get();
  }

  /**
   * The SDK this reader serves (the exporter's own telemetry is recorded on it once it exists), and what is to be
   * registered on its meter provider just before the first collection.
   */
  void servesSdk(OpenTelemetrySdk sdk, Runnable beforeFirstExport) {
    this.sdk = sdk;
    this.beforeFirstExport = beforeFirstExport;
  }

  @Override
  public void register(CollectionRegistration registration) {
    this.registration = registration;
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return temporality.getAggregationTemporality(instrumentType);
  }

  @Override
  public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
    return aggregation.getDefaultAggregation(instrumentType);
  }

  @Override
  public MemoryMode getMemoryMode() {
    return memoryMode;
  }

  /** Exports now, starting the periodic export first if this is the first. */
  @Override
  public CompletableResultCode forceFlush() {
    PeriodicMetricReader reader = start();
    return reader == null ? CompletableResultCode.ofSuccess() : reader.forceFlush();
  }

  /** A last export (the periodic reader's shutdown makes one), even if none was made before. */
  @Override
  public CompletableResultCode shutdown() {
    PeriodicMetricReader reader = start();
    return reader == null ? CompletableResultCode.ofSuccess() : reader.shutdown();
  }

  /** Whether the exporter has been built (tests; the start-up figure of issue 21). */
  boolean isStarted() {
    return started != null;
  }

  /**
   * The periodic reader, built on the first call; null when the exporter cannot be built (logged once). Called only
   * by a flush or the shutdown, never on a recording path, so a plain lock is enough.
   */
  private synchronized PeriodicMetricReader start() {
    if (started != null || exporterUnavailable) {
      return started;
    }
    try {
      beforeFirstExport.run();
    } catch (RuntimeException | LinkageError e) {
      VireoLog.warn("metrics registered late are incomplete ({})", e.toString());
    }
    MetricExporter exporter = buildExporter();
    if (exporter == null) {
      exporterUnavailable = true;
      return null;
    }
    PeriodicMetricReader reader =
        PeriodicMetricReader.builder(exporter)
            .setInterval(config.getDuration("otel.metric.export.interval", Duration.ofMinutes(1)))
            .setInternalTelemetryVersion(telemetryVersion(config.getString("otel.experimental.sdk.telemetry.version")))
            .build();
    reader.register(registration);
    started = reader;
    return reader;
  }

  private MetricExporter buildExporter() {
    try {
      for (ConfigurableMetricExporterProvider provider :
          ServiceLoader.load(ConfigurableMetricExporterProvider.class, providerLoader)) {
        if ("otlp".equals(provider.getName())) {
          MetricExporter exporter = provider.createExporter(config);
          OpenTelemetrySdk served = sdk;
          if (provider instanceof AutoConfigureListener && served != null) {
            ((AutoConfigureListener) provider).afterAutoConfigure(served);
          }
          return exporter;
        }
      }
      VireoLog.error("the OTLP metric exporter is not in the agent; metrics are not exported");
    } catch (RuntimeException | LinkageError e) {
      VireoLog.error("the OTLP metric exporter could not be configured ({}); metrics are not exported", e.toString());
    }
    return null;
  }

  /** As the SDK's autoconfiguration reads {@code otel.experimental.sdk.telemetry.version} (unset: legacy). */
  static InternalTelemetryVersion telemetryVersion(String setting) {
    return setting != null && setting.trim().toLowerCase(Locale.ROOT).equals("latest")
        ? InternalTelemetryVersion.LATEST
        : InternalTelemetryVersion.LEGACY;
  }

  @Override
  public String toString() {
    PeriodicMetricReader reader = started;
    return reader == null ? "DeferredOtlpMetricReader{not started}" : "DeferredOtlpMetricReader{" + reader + "}";
  }
}
