package dev.vireo.instrumentation.hikaricp;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import com.zaxxer.hikari.pool.HikariPool;
import dev.vireo.instrumentation.api.AgentLog;
import dev.vireo.instrumentation.api.VirtualField;
import dev.vireo.instrumentation.api.semconv.db.ConnectionPoolAttributes;
import dev.vireo.instrumentation.api.semconv.db.JdbcConnectionInfo;
import dev.vireo.instrumentation.api.semconv.db.JdbcUrlParser;
import io.opentelemetry.api.common.Attributes;
import java.util.Properties;

/**
 * Gives each pool a metrics tracker factory whose trackers record the pool's metrics ({@link PoolMetricsTracker}) and
 * hand every call on to the tracker of the factory the application configured, if any.
 */
final class PoolMetricsTrackers {

  /** The tracker of each pool's current factory: one pool, one set of gauges, even when its factory is replaced. */
  private static final VirtualField<HikariPool, PoolMetricsTracker> CURRENT = VirtualField.create();

  private PoolMetricsTrackers() {}

  /** The pool's new factory argument, or null to leave it as it is. */
  static Object[] wrap(HikariPool pool, MetricsTrackerFactory configured) {
    if (configured instanceof Factory) {
      return null;
    }
    return new Object[] {new Factory(pool, configured)};
  }

  private static final class Factory implements MetricsTrackerFactory {
    private final HikariPool pool;
    private final MetricsTrackerFactory configured;

    Factory(HikariPool pool, MetricsTrackerFactory configured) {
      this.pool = pool;
      this.configured = configured;
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
      IMetricsTracker application = configured == null ? null : configured.create(poolName, poolStats);
      try {
        PoolMetricsTracker tracker =
            PoolMetricsTracker.start(application, attributes(pool.config, poolName), new HikariPoolState(poolStats));
        PoolMetricsTracker replaced = CURRENT.get(pool);
        CURRENT.set(pool, tracker);
        if (replaced != null) {
          replaced.stopGauges(); // HikariCP drops the old tracker without closing it
        }
        return tracker;
      } catch (RuntimeException | LinkageError e) {
        AgentLog.debug("no metrics for connection pool {} ({})", poolName, e.toString());
        return application != null ? application : new IMetricsTracker() {};
      }
    }
  }

  /** The pool's name (the database's where HikariCP made one up) and the database its configuration names. */
  static Attributes attributes(HikariConfig config, String poolName) {
    JdbcConnectionInfo database = null;
    boolean systemKnown = true;
    if (config.getDataSource() == null && config.getDataSourceClassName() != null) {
      // a DataSource class set up by its properties: no URL, so no system
      Properties properties = config.getDataSourceProperties();
      database =
          JdbcConnectionInfo.create(
              null,
              property(properties, "databaseName"),
              withoutBrackets(property(properties, "serverName")),
              port(property(properties, "portNumber")));
      systemKnown = false;
    } else if (config.getJdbcUrl() != null) {
      database = JdbcUrlParser.parse(config.getJdbcUrl());
    }
    String name =
        isGenerated(poolName)
            ? ConnectionPoolAttributes.generatedPoolName(database, systemKnown, HikariCpModule.NAME)
            : poolName;
    return ConnectionPoolAttributes.of(name, database, systemKnown);
  }

  /** HikariCP names a pool configured without a name {@code HikariPool-<n>}. */
  static boolean isGenerated(String poolName) {
    if (poolName == null) {
      return true;
    }
    String prefix = "HikariPool-";
    if (!poolName.startsWith(prefix) || poolName.length() == prefix.length()) {
      return false;
    }
    for (int i = prefix.length(); i < poolName.length(); i++) {
      if (!Character.isDigit(poolName.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String property(Properties properties, String key) {
    Object value = properties.get(key);
    if (value == null) {
      value = properties.getProperty(key);
    }
    return value == null ? null : value.toString();
  }

  private static String withoutBrackets(String address) {
    return address != null && address.startsWith("[") && address.endsWith("]")
        ? address.substring(1, address.length() - 1)
        : address;
  }

  private static int port(String value) {
    try {
      return value == null ? -1 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
