package dev.vireo.tooling;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.InstrumentationConfig;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.api.VireoVersion;
import dev.vireo.tooling.coexistence.OpenTelemetryAgentDetection;
import dev.vireo.tooling.config.AgentConfig;
import dev.vireo.tooling.config.BooleanSettings;
import dev.vireo.tooling.config.ConfigValidation;
import dev.vireo.tooling.extension.Extensions;
import dev.vireo.tooling.install.ArchiveTrainingRun;
import dev.vireo.tooling.install.ModuleRegistry;
import dev.vireo.tooling.install.TransformationInstaller;
import dev.vireo.tooling.protection.CircuitBreaker;
import dev.vireo.tooling.sdk.AgentSdk;
import dev.vireo.tooling.sdk.LazyMetricsStart;
import dev.vireo.tooling.sdk.SdkCustomizer;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.List;

/** Entry point of the agent proper, called by the bootstrap's AgentStarter in the agent class loader. */
public final class AgentInstaller {

  private AgentInstaller() {}

  /** Called reflectively from {@code dev.vireo.bootstrap.AgentStarter}. */
  public static void install(Instrumentation inst, ClassLoader agentLoader, File agentJar, String agentArgs) {
    install(inst, agentLoader, agentJar, agentArgs, SdkCustomizer.NONE);
  }

  /** Also used by the test harness, with an SDK customizer adding in-memory exporters. */
  public static AgentSdk install(
      Instrumentation inst, ClassLoader agentLoader, String agentArgs, SdkCustomizer customizer) {
    return install(inst, agentLoader, null, agentArgs, customizer);
  }

  private static AgentSdk install(
      Instrumentation inst, ClassLoader agentLoader, File agentJar, String agentArgs, SdkCustomizer customizer) {
    long start = System.nanoTime();
    AgentConfig config = AgentConfig.load(agentArgs);
    VireoLog.configure(
        config.getBoolean("otel.javaagent.debug", false),
        !"none".equalsIgnoreCase(config.getString("otel.javaagent.logging", "simple")));
    // before any switch is read: "maybe" must not read as false and switch the agent off
    config = BooleanSettings.validate(config);
    if (!config.getBoolean("otel.javaagent.enabled", true)) {
      return null;
    }
    List<String> jvmArguments = JvmArguments.read();
    String otherAgent = OpenTelemetryAgentDetection.detect(agentJar, jvmArguments);
    if (otherAgent != null) {
      if (!config.getBoolean("otel.javaagent.force", false)) {
        VireoLog.error(
            "{} is attached to this JVM too: two agents would trace every request twice. Vireo stays off;"
                + " remove one -javaagent, or set otel.javaagent.force=true to run both",
            otherAgent);
        return null;
      }
      VireoLog.warn("{} is attached to this JVM too; both run (otel.javaagent.force=true)", otherAgent);
    }
    AgentLog.install(new AgentLogSink());
    Extensions extensions = Extensions.load(config, agentLoader);
    config = ConfigValidation.validate(config, extensions.providedComponents());
    InstrumentationConfig.install(config);
    CircuitBreaker.start(config);

    // SDK SPIs (samplers, span processors, exporters, resource providers...) may come from extensions too
    AgentSdk sdk = new AgentSdk(config, extensions.classLoader(), customizer);
    VireoTelemetry.install(sdk);
    LazyMetricsStart.scheduleFor(sdk, config);

    long configured = System.nanoTime();
    ModuleRegistry registry = ModuleRegistry.load(extensions.classLoader(), config);
    long discovered = System.nanoTime();
    if (ArchiveTrainingRun.writesArchive(jvmArguments)) {
      VireoLog.info(
          "this JVM writes an AOT cache or CDS archive: no class is instrumented in this run, so that the cache holds"
              + " the application's classes as they are; a run that uses the cache is traced in full");
    } else {
      new TransformationInstaller().install(inst, registry, agentLoader, config);
    }
    long installed = System.nanoTime();
    VireoLog.debug(
        "start-up: configuration {} ms, module discovery {} ms, transformer installation {} ms",
        (configured - start) / 1_000_000,
        (discovered - configured) / 1_000_000,
        (installed - discovered) / 1_000_000);

    if (!extensions.jars().isEmpty()) {
      VireoLog.info("extensions loaded: {}", extensions.describe());
    }
    Thread hook = new Thread(sdk::shutdown, "vireo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    VireoLog.info(
        "Vireo agent {} started in {} ms; traces: {}; instrumentations: {}",
        VireoVersion.VERSION,
        (System.nanoTime() - start) / 1_000_000,
        ExportTarget.describe(config),
        registry.names().isEmpty() ? "none" : String.join(", ", registry.names()));
    return sdk;
  }
}
