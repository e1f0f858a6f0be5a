package dev.vireo.tooling.sdk;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.logs.LogLimits;
import io.opentelemetry.sdk.logs.LogLimitsBuilder;
import io.opentelemetry.sdk.logs.SdkLoggerProviderBuilder;

/**
 * The log record limits read from the configuration once. The SDK's autoconfiguration hands the logger provider a
 * supplier that reads {@code otel.attribute.*.limit} again (key normalising, parsing, a new {@link LogLimits})
 * every time it is asked, and the SDK asks on every log record's first attribute, on the application's logging
 * thread. The configuration does not change after start, so the values are the same.
 */
final class FixedLogLimits {

  private FixedLogLimits() {}

  /**
   * The provider with limits read now; an invalid setting (a negative limit) leaves the SDK's own supplier, which
   * treats it as it always has.
   */
  static SdkLoggerProviderBuilder apply(SdkLoggerProviderBuilder provider, ConfigProperties config) {
    LogLimits limits;
    try {
      limits = read(config);
    } catch (RuntimeException e) {
      return provider;
    }
    return provider.setLogLimits(() -> limits);
  }

  /** The same settings, read the same way, as the autoconfiguration's supplier. */
  static LogLimits read(ConfigProperties config) {
    LogLimitsBuilder builder = LogLimits.builder();
    Integer valueLength = config.getInt("otel.attribute.value.length.limit");
    if (valueLength != null) {
      builder.setMaxAttributeValueLength(valueLength);
    }
    Integer count = config.getInt("otel.attribute.count.limit");
    if (count != null) {
      builder.setMaxNumberOfAttributes(count);
    }
    return builder.build();
  }
}
