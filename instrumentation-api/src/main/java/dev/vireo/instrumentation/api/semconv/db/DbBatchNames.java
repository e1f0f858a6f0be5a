package dev.vireo.instrumentation.api.semconv.db;

/**
 * The batch rule of the conventions for {@code db.query.summary} and {@code db.operation.name}:
 * when every operation of a batch has the same value it is used prefixed by {@code BATCH }, else
 * the value is just {@code BATCH}.
 */
public final class DbBatchNames {

  public static final String BATCH = "BATCH";

  private DbBatchNames() {}

  /** @param sharedValue the value all operations share, or null when they differ or none is known */
  public static String of(String sharedValue) {
    return sharedValue == null ? BATCH : BATCH + " " + sharedValue;
  }
}
