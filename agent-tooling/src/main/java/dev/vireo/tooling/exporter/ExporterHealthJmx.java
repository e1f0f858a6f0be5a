package dev.vireo.tooling.exporter;

import dev.vireo.bootstrap.VireoLog;
import dev.vireo.tooling.BackgroundTask;
import dev.vireo.tooling.protection.CircuitBreaker;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Publishes {@link ExportHealth} as the platform MXBean {@value #OBJECT_NAME}. Done on a short-lived
 * background thread when the SDK is built: JMX start-up costs tens of milliseconds that belong
 * neither to the agent's premain nor to the request that created the first span.
 */
public final class ExporterHealthJmx implements ExporterHealthMXBean {

  public static final String OBJECT_NAME = "dev.vireo:type=Exporter,name=traces";

  private final ExportHealth health;

  ExporterHealthJmx(ExportHealth health) {
    this.health = health;
  }

  public static void registerInBackground(ExportHealth health) {
    BackgroundTask.start("vireo-jmx-registration", () -> register(health));
  }

  static void register(ExportHealth health) {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(OBJECT_NAME);
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
      server.registerMBean(new ExporterHealthJmx(health), name);
    } catch (Throwable e) {
      VireoLog.warn("exporter health MBean {} not registered: {}", OBJECT_NAME, e.toString());
    }
  }

  @Override
  public String getEndpoint() {
    return health.endpoint();
  }

  @Override
  public long getSpansExported() {
    return health.spansExported();
  }

  @Override
  public long getSpansDropped() {
    return health.spansDropped();
  }

  @Override
  public long getLogRecordsDropped() {
    return health.logRecordsDropped();
  }

  @Override
  public long getSpansFailed() {
    return health.spansFailed();
  }

  @Override
  public long getFailedExports() {
    return health.failedExports();
  }

  @Override
  public long getQueueSize() {
    return health.queueSize();
  }

  @Override
  public int getMaxQueueSize() {
    return health.maxQueueSize();
  }

  @Override
  public boolean isHealthy() {
    return health.isHealthy();
  }

  @Override
  public String getLastError() {
    return health.lastError();
  }

  @Override
  public boolean isCircuitBreakerOpen() {
    return CircuitBreaker.isOpen();
  }

  @Override
  public String getCircuitBreakerReason() {
    return CircuitBreaker.reason();
  }

  @Override
  public long getCircuitBreakerTrips() {
    return CircuitBreaker.trips();
  }
}
