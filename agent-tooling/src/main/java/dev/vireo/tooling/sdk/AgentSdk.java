package dev.vireo.tooling.sdk;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.semconv.common.PendingDurations;
import dev.vireo.tooling.BackgroundTask;
import dev.vireo.tooling.ExportTarget;
import dev.vireo.tooling.config.AgentConfig;
import dev.vireo.tooling.config.ConfigDuration;
import dev.vireo.tooling.exporter.ExportHealth;
import dev.vireo.tooling.exporter.ExporterHealthJmx;
import dev.vireo.tooling.exporter.ExporterHealthMetrics;
import dev.vireo.tooling.exporter.HealthTrackingSpanExporter;
import dev.vireo.tooling.exporter.SdkLogRouting;
import dev.vireo.tooling.exporter.SpanQueueMetricReader;
import dev.vireo.tooling.exporter.stdout.ConsoleExporters;
import dev.vireo.tooling.extension.Extensions;
import dev.vireo.tooling.propagation.StrictPropagators;
import dev.vireo.tooling.runtime.RuntimeMetrics;
import dev.vireo.tooling.runtime.RuntimeTelemetrySettings;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The agent's OpenTelemetry SDK, built by the SDK's own autoconfiguration from the agent
 * configuration, on first use. Shut down (flushing queued spans) by a JVM shutdown hook whose wait is
 * bounded by {@code otel.javaagent.shutdown.timeout} (default 5 s) so a dead collector never holds
 * the JVM up. The OTLP span exporter is watched by {@link ExportHealth} (logs, JMX, metrics).
 */
public final class AgentSdk implements Supplier<OpenTelemetry> {

  /**
   * Defaults that differ from the plain SDK's autoconfiguration: the OpenTelemetry Java agent's
   * (OTLP over http/protobuf, not gRPC; the application's logs exported over OTLP too).
   */
  static final Map<String, String> DEFAULTS;

  static {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.logs.exporter", "otlp");
    // The SDK's own default is grpc; the OpenTelemetry Java agent's (and what ExportTarget reports) is
    // http/protobuf. Without this the agent sent gRPC to the OTLP/HTTP port 4318.
    defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
    // The SDK's own processor/exporter metrics under their semantic-convention names
    // (otel.sdk.processor.span.*, otel.sdk.exporter.span.*) rather than the legacy ones.
    defaults.put("otel.experimental.sdk.telemetry.version", "latest");
    // Issue 24: the OTLP exporters marshal through pooled objects rather than a fresh copy of every batch (about
    // 700 B less allocation per exported span, SpanPipelineBenchmark); safe with the batch processors, which export
    // one batch at a time. SDK 1.67's builders default to it already: said here so an SDK upgrade cannot change it.
    defaults.put("otel.java.exporter.memory_mode", "reusable_data");
    DEFAULTS = defaults;
  }

  static final String DISABLED_RESOURCE_PROVIDERS = "otel.java.disabled.resource.providers";
  static final String RANDOM_INSTANCE_ID_PROVIDER = "io.opentelemetry.sdk.autoconfigure.ServiceInstanceIdResourceProvider";

  private final AgentConfig config;
  private final ClassLoader agentLoader;
  private final SdkCustomizer customizer;
  private volatile OpenTelemetrySdk sdk;
  /** What instrumentations get: the SDK, without the meters or logs that go nowhere. */
  private volatile OpenTelemetry visible;
  private volatile ExportHealth exportHealth;
  /** The OTLP metric export, started at its first export; null when autoconfiguration builds the metric readers. */
  private volatile DeferredOtlpMetricReader deferredMetrics;
  /** Duration measurements kept until the deferred reader's first export; null when nothing waits for it. */
  private volatile PendingDurations pendingDurations;
  /** The first metric export came due before any span built the SDK (and runtime metrics did not build it). */
  private boolean metricExportOverdue;

  public AgentSdk(AgentConfig config, ClassLoader agentLoader, SdkCustomizer customizer) {
    this.config = config;
    this.agentLoader = agentLoader;
    this.customizer = customizer;
  }

  @Override
  public synchronized OpenTelemetry get() {
    if (sdk == null) {
      OpenTelemetrySdk built = build();
      boolean recordsMetrics = RuntimeTelemetrySettings.from(config).metricsExported() || customizer.addsMetricReader();
      boolean exportsLogs = !"none".equals(logsExporter()) || customizer.addsLogRecordProcessor();
      visible = new ExportedSignalsOpenTelemetry(built, recordsMetrics, exportsLogs, pendingDurations);
      sdk = built;
      if (metricExportOverdue) {
        LazyMetricsStart.schedule(this, 0, false); // off the application's thread
      }
    }
    return visible;
  }

  private String logsExporter() {
    String configured = config.getString("otel.logs.exporter");
    return configured == null ? DEFAULTS.get("otel.logs.exporter") : configured.trim().toLowerCase(Locale.ROOT);
  }

  /** Has the metric readers export now (the first export of a lazily started pipeline). */
  void flushMetrics() {
    OpenTelemetrySdk current = sdk;
    if (current != null) {
      current.getSdkMeterProvider().forceFlush();
    }
  }

  /**
   * The first metric export is due but there is no SDK yet, nor anything measured: the export starts as soon as a
   * span builds the SDK.
   */
  synchronized void startMetricExportWhenBuilt() {
    if (sdk == null) {
      metricExportOverdue = true;
    } else {
      startDeferredMetricExport();
    }
  }

  /** The first OTLP metric export, when it is due and the SDK is built: builds the exporter and exports now. */
  void startDeferredMetricExport() {
    DeferredOtlpMetricReader deferred = deferredMetrics;
    if (deferred != null && !deferred.isStarted()) {
      deferred.forceFlush();
    }
  }

  private OpenTelemetrySdk build() {
    long start = System.nanoTime();
    Map<String, String> properties = new HashMap<>();
    for (Map.Entry<String, String> entry : config.asMap().entrySet()) {
      // null: a setting the validation removed, also hidden from the SDK's own reading of -D and OTEL_*
      properties.put(entry.getKey(), entry.getValue());
    }
    keepConfiguredInstanceId(properties);
    noExemplarsWithoutMetricExport(
        properties, RuntimeTelemetrySettings.from(config).metricsExported() || customizer.addsMetricReader());
    boolean deferOtlpMetrics = deferOtlpMetricExport(config, properties);
    boolean onlyDeferredReaderCollects =
        deferOtlpMetrics && "none".equals(properties.get(METRICS_EXPORTER)) && !customizer.addsMetricReader();
    AutoConfiguredOpenTelemetrySdkBuilder builder =
        AutoConfiguredOpenTelemetrySdk.builder()
            .setServiceClassLoader(agentLoader)
            .addPropertiesSupplier(() -> DEFAULTS)
            .addPropertiesCustomizer(ignored -> properties)
            .addResourceCustomizer((resource, props) -> withVireoAttributes(resource))
            // W3C Trace Context Level 2 and Baggage to the letter, for every instrumentation
            .addPropagatorCustomizer(StrictPropagators::replaceDefaults)
            // read once, not on every log record (the autoconfigured supplier re-reads the settings each time)
            .addLoggerProviderCustomizer(FixedLogLimits::apply)
            // The SDK's per-span metrics (otel.sdk.span.started, otel.sdk.span.live) are three metric recordings
            // on every span start and end, even with metrics export off (the span-queue reader makes the meter
            // provider real); the OpenTelemetry agent records none. The processor and exporter metrics stay.
            .addTracerProviderCustomizer((tracerProvider, props) -> tracerProvider.setMeterProvider(MeterProvider::noop))
            .addTracerProviderCustomizer(
                (tracerProvider, props) ->
                    config.getBoolean(ThreadDetailsSpanProcessor.SETTING, true)
                        ? tracerProvider.addSpanProcessor(new ThreadDetailsSpanProcessor())
                        : tracerProvider)
            .disableShutdownHook();
    ExportHealth health = watchExportHealth(builder);
    if (deferOtlpMetrics) {
      builder.addMeterProviderCustomizer(
          (meterProvider, props) -> {
            DeferredOtlpMetricReader reader = new DeferredOtlpMetricReader(props, agentLoader);
            deferredMetrics = reader;
            return meterProvider.registerMetricReader(reader);
          });
    }
    ConsoleExporters.replaceLoggingExporters(builder);
    customizer.customize(builder);
    OpenTelemetrySdk built;
    // SPI lookups through the context loader find the agent's components, not the application's
    Thread thread = Thread.currentThread();
    ClassLoader applicationContext = thread.getContextClassLoader();
    thread.setContextClassLoader(agentLoader);
    try {
      built = builder.build().getOpenTelemetrySdk();
    } catch (RuntimeException | LinkageError e) {
      VireoLog.error(
          "the OpenTelemetry SDK could not be configured ({}{}); spans are not exported",
          e.toString(),
          e.getCause() == null ? "" : ", caused by " + e.getCause());
      return OpenTelemetrySdk.builder().build();
    } finally {
      thread.setContextClassLoader(applicationContext);
    }
    try {
      exportHealth = health;
      RuntimeTelemetrySettings metrics = RuntimeTelemetrySettings.from(config);
      MeterProvider meterProvider = built.getMeterProvider();
      DeferredOtlpMetricReader deferred = deferredMetrics;
      if (deferred != null && onlyDeferredReaderCollects) {
        // no exporting reader collects before the OTLP reader's first export: the duration histograms and the
        // observables can wait until then, and the GC listener need not hold up the traced call that built the SDK
        PendingDurations pending =
            new PendingDurations(task -> BackgroundTask.start("vireo-histograms-start", task));
        pendingDurations = pending;
        RuntimeMetrics.registerGcDurationInBackground(meterProvider, metrics, pending);
        deferred.servesSdk(
            built,
            () -> {
              pending.start();
              RuntimeMetrics.registerObservables(meterProvider, metrics);
              ExporterHealthMetrics.register(meterProvider, health);
            });
      } else if (metrics.metricsExported()) {
        if (deferred != null) {
          deferred.servesSdk(built, () -> {});
        }
        RuntimeMetrics.register(meterProvider, metrics); // never throws
        ExporterHealthMetrics.register(meterProvider, health);
      }
      ExporterHealthJmx.registerInBackground(health);
    } catch (RuntimeException e) {
      VireoLog.warn("exporter health is not published ({})", e.toString());
    }
    VireoLog.debug("OpenTelemetry SDK ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    return built;
  }

  static final String METRICS_EXPORTER = "otel.metrics.exporter";

  /**
   * Takes {@code otlp} out of {@code otel.metrics.exporter} for autoconfiguration, which would build its exporter
   * inside the first traced call: {@link DeferredOtlpMetricReader} builds it at the first export instead (issue
   * 21). Not with extensions, which may customize the exporter autoconfiguration builds. The other exporters stay.
   */
  static boolean deferOtlpMetricExport(InstrumentationConfig config, Map<String, String> properties) {
    String extensions = config.getString(Extensions.SETTING);
    if (extensions != null && !extensions.trim().isEmpty()) {
      return false;
    }
    List<String> exporters = new ArrayList<>();
    for (String name : config.getList(METRICS_EXPORTER)) {
      exporters.add(name.toLowerCase(Locale.ROOT));
    }
    if (exporters.isEmpty()) {
      exporters.add("otlp"); // the default
    }
    if (exporters.contains("none") || !exporters.remove("otlp")) {
      return false; // autoconfiguration reports a "none" among others
    }
    properties.put(METRICS_EXPORTER, exporters.isEmpty() ? "none" : String.join(",", exporters));
    return true;
  }

  static final String EXEMPLAR_FILTER = "otel.metrics.exemplar.filter";

  /**
   * With no metric exported, the meter provider only serves the SDK's own counters to the exporter-health reader,
   * and an exemplar on them is never seen. The default filter ({@code trace_based}) would still offer one on every
   * log record and span the SDK counts inside a sampled span (issue 20: about a sixth of a Logback call's cost on
   * the logging thread). A filter the user set is kept.
   */
  static void noExemplarsWithoutMetricExport(Map<String, String> properties, boolean metricsExported) {
    if (!metricsExported && properties.get(EXEMPLAR_FILTER) == null) {
      properties.put(EXEMPLAR_FILTER, "always_off");
    }
  }

  /**
   * When {@code otel.resource.attributes} names a {@code service.instance.id} (the OpenTelemetry Operator always
   * does), the SDK's random one is not wanted: its provider also registers a {@code service.instance} entity, and
   * overriding that entity's id makes the SDK log a WARNING on every start. So the provider is switched off.
   */
  static void keepConfiguredInstanceId(Map<String, String> properties) {
    String attributes = properties.get("otel.resource.attributes");
    if (attributes == null) {
      return;
    }
    for (String pair : attributes.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().equals("service.instance.id")) {
        String disabled = properties.get(DISABLED_RESOURCE_PROVIDERS);
        properties.put(
            DISABLED_RESOURCE_PROVIDERS,
            disabled == null || disabled.trim().isEmpty()
                ? RANDOM_INSTANCE_ID_PROVIDER
                : disabled + "," + RANDOM_INSTANCE_ID_PROVIDER);
        return;
      }
    }
  }

  /**
   * Wraps the OTLP span exporter with the health tracker, gives the tracker a view of the batch
   * processor's queue (its drop counter and size are only published as SDK metrics) and takes the
   * SDK's per-batch failure lines off the console.
   */
  private ExportHealth watchExportHealth(AutoConfiguredOpenTelemetrySdkBuilder builder) {
    SpanQueueMetricReader queueReader = new SpanQueueMetricReader();
    ExportHealth health =
        new ExportHealth(
            ExportTarget.describe(config), parseInt(config.getString("otel.bsp.max.queue.size"), 2048), queueReader::read);
    builder
        .addMeterProviderCustomizer((meterProvider, properties) -> meterProvider.registerMetricReader(queueReader))
        .addSpanExporterCustomizer(
            (exporter, properties) -> isOtlp(exporter) ? new HealthTrackingSpanExporter(exporter, health) : exporter);
    SdkLogRouting.install(agentLoader);
    return health;
  }

  private static boolean isOtlp(SpanExporter exporter) {
    return exporter.getClass().getName().startsWith("io.opentelemetry.exporter.otlp.");
  }

  /** The OTLP exporter's health; null until the SDK is built (or when it could not be). */
  public ExportHealth exportHealth() {
    return exportHealth;
  }

  static Resource withVireoAttributes(Resource configured) {
    Resource merged = RuntimeResource.create().merge(configured);
    String serviceName = merged.getAttribute(RuntimeResource.SERVICE_NAME);
    if (serviceName == null || serviceName.isEmpty() || serviceName.startsWith("unknown_service")) {
      merged =
          merged.merge(
              Resource.builder()
                  .put(
                      RuntimeResource.SERVICE_NAME,
                      RuntimeResource.defaultServiceName(System.getProperty("sun.java.command")))
                  .build());
    }
    return merged;
  }

  /** Flushes and stops exporting; waits at most the configured bound. */
  public void shutdown() {
    OpenTelemetrySdk current = sdk;
    if (current == null) {
      return;
    }
    long boundMillis = ConfigDuration.millisOrDefault(config.getString("otel.javaagent.shutdown.timeout"), 5000);
    ExportHealth health = exportHealth;
    // read before shutting down: the SDK's metrics (where the queue size comes from) stop with it
    long queued = health == null ? 0 : health.queueSize();
    long waitMillis = ExitFlush.waitMillis(boundMillis, health);
    if (!ExitFlush.run(current, waitMillis, agentLoader)) {
      VireoLog.warn(
          "span export did not finish within {} ms ({}) at exit; up to {} queued spans are not exported{}",
          waitMillis,
          waitMillis < boundMillis ? "the collector is unreachable" : "otel.javaagent.shutdown.timeout",
          queued,
          health != null && !health.isHealthy() ? " (export was failing: " + health.lastError() + ")" : "");
    }
  }

  synchronized boolean metricExportOverdue() {
    return metricExportOverdue;
  }

  /** Whether the OTLP metric exporter has been built (false also when autoconfiguration builds the readers). */
  boolean metricExportStarted() {
    DeferredOtlpMetricReader deferred = deferredMetrics;
    return deferred != null && deferred.isStarted();
  }

  public boolean isBuilt() {
    return sdk != null;
  }

  static int parseInt(String value, int defaultValue) {
    try {
      return value == null ? defaultValue : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return defaultValue;
    }
  }
}
