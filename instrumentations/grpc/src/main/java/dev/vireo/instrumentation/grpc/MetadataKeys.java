package dev.vireo.instrumentation.grpc;

import io.grpc.Metadata;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ASCII metadata keys for propagation field names. The propagators use a handful of names
 * ({@code traceparent}, {@code tracestate}, {@code baggage}, ...), so the keys are made once.
 */
final class MetadataKeys {

  private static final int MAX_CACHED = 64;
  private static final ConcurrentHashMap<String, Metadata.Key<String>> KEYS = new ConcurrentHashMap<>();

  private MetadataKeys() {}

  /** Null for a name that cannot be an ASCII metadata key (binary {@code -bin} keys, bad characters). */
  static Metadata.Key<String> ascii(String name) {
    Metadata.Key<String> key = KEYS.get(name);
    if (key != null) {
      return key;
    }
    if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
      return null;
    }
    try {
      key = Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    } catch (RuntimeException invalid) {
      return null;
    }
    if (KEYS.size() < MAX_CACHED) {
      KEYS.put(name, key);
    }
    return key;
  }
}
