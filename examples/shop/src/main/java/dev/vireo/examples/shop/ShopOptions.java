package dev.vireo.examples.shop;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of a shop service, looked up in this order: command-line argument, system property, environment variable.
 *
 * <p>All three spellings name the same setting, so a launcher can use whichever is easiest to pass:
 * {@code --frontend.port=0} (or {@code --shop.frontend.port=0}, {@code --frontend-port=0}),
 * {@code -Dshop.frontend.port=0}, {@code SHOP_FRONTEND_PORT=0}.
 */
public final class ShopOptions {

  public static final String FRONTEND_PORT = "frontend.port";
  public static final String BACKEND_PORT = "backend.port";
  public static final String INVENTORY_PORT = "inventory.port";
  public static final String BACKEND_URL = "backend.url";
  public static final String INVENTORY_TARGET = "inventory.target";
  public static final String KAFKA_BOOTSTRAP = "kafka.bootstrap";
  public static final String JDBC_URL = "jdbc.url";
  public static final String JDBC_USER = "jdbc.user";
  public static final String JDBC_PASSWORD = "jdbc.password";
  public static final String BIND_HOST = "bind.host";

  private final Map<String, String> arguments;

  private ShopOptions(Map<String, String> arguments) {
    this.arguments = arguments;
  }

  /** Parses {@code --name=value} and {@code --name value} arguments; anything else is rejected. */
  public static ShopOptions parse(String... args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument '" + arg + "', expected --name=value");
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        values.put(normalize(arg.substring(2, eq)), arg.substring(eq + 1));
      } else if (i + 1 < args.length) {
        values.put(normalize(arg.substring(2)), args[++i]);
      } else {
        throw new IllegalArgumentException("Missing value for " + arg);
      }
    }
    return new ShopOptions(values);
  }

  /** Options that only consult system properties and the environment. */
  public static ShopOptions fromEnvironment() {
    return new ShopOptions(Map.of());
  }

  /** A copy of these options where {@code name} is set to {@code value} (used by the all-in-one launcher). */
  public ShopOptions with(String name, String value) {
    Map<String, String> copy = new HashMap<>(arguments);
    copy.put(normalize(name), value);
    return new ShopOptions(copy);
  }

  public String get(String name, String defaultValue) {
    String key = normalize(name);
    String value = arguments.get(key);
    if (value == null) {
      value = System.getProperty("shop." + key);
    }
    if (value == null) {
      value = System.getenv("SHOP_" + key.replace('.', '_').toUpperCase(Locale.ROOT));
    }
    return value == null || value.isEmpty() ? defaultValue : value;
  }

  public String require(String name) {
    String value = get(name, null);
    if (value == null) {
      String key = normalize(name);
      throw new IllegalArgumentException("Missing setting " + key + ": pass --" + key + "=..., -Dshop." + key
          + "=... or SHOP_" + key.replace('.', '_').toUpperCase(Locale.ROOT) + "=...");
    }
    return value;
  }

  public int getInt(String name, int defaultValue) {
    String value = get(name, null);
    return value == null ? defaultValue : Integer.parseInt(value.trim());
  }

  public String bindHost() {
    return get(BIND_HOST, "127.0.0.1");
  }

  // "shop.jdbc-url", "jdbc_url" and "JDBC.URL" all mean "jdbc.url".
  private static String normalize(String name) {
    String key = name.toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
    return key.startsWith("shop.") ? key.substring("shop.".length()) : key;
  }
}
