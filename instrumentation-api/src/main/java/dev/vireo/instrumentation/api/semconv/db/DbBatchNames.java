package dev.vireo.instrumentation.api.semconv.db;

/**
 * The batch rule of the conventions for {@code db.query.summary} and {@code db.operation.name}:
 * when every operation of a batch has the same value it is used prefixed by {@code BATCH }, else
 * the value is just {@code BATCH}; a system may have its own term for a batch (a Redis pipeline's
 * {@code PIPELINE}).
 */
public final class DbBatchNames {

  public static final String BATCH = "BATCH";

  private DbBatchNames() {}

  /** @param sharedValue the value all operations share, or null when they differ or none is known */
  public static String of(String sharedValue) {
    return of(BATCH, sharedValue);
  }

  /** The rule with the system's own term for a batch instead of {@code BATCH} (null: {@code BATCH}). */
  public static String of(String term, String sharedValue) {
    String batch = term == null ? BATCH : term;
    return sharedValue == null ? batch : batch + " " + sharedValue;
  }
}
