package dev.vireo.testing.otlp;

import java.time.Duration;
import java.util.Objects;

/**
 * How the receiver answers export requests; switched at run time to test the exporter's resilience.
 *
 * <p>Rejected and hung requests are counted and their headers recorded, but their telemetry is not stored: a real
 * collector would not have accepted it either.
 */
public final class ExportBehaviour {

  /** What kind of answer is given. */
  public enum Kind {
    /** 200 / gRPC OK with an empty Export*ServiceResponse. */
    OK,
    /** HTTP 503 with {@code Retry-After} / gRPC UNAVAILABLE with a RetryInfo detail: a retryable failure. */
    UNAVAILABLE,
    /** HTTP 400 / gRPC INVALID_ARGUMENT: a failure the exporter must not retry. */
    BAD_REQUEST,
    /** Read the request, never answer (until the receiver stops or closes). */
    HANG
  }

  private static final ExportBehaviour OK = new ExportBehaviour(Kind.OK, Duration.ZERO);
  private static final ExportBehaviour BAD_REQUEST = new ExportBehaviour(Kind.BAD_REQUEST, Duration.ZERO);
  private static final ExportBehaviour HANG = new ExportBehaviour(Kind.HANG, Duration.ZERO);

  private final Kind kind;
  private final Duration retryAfter;

  private ExportBehaviour(Kind kind, Duration retryAfter) {
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public static ExportBehaviour ok() {
    return OK;
  }

  /**
   * Retryable failure. HTTP sends {@code Retry-After: <whole seconds, rounded up>}; gRPC sends the exact delay as
   * {@code google.rpc.RetryInfo} in the status details.
   */
  public static ExportBehaviour unavailable(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    return new ExportBehaviour(Kind.UNAVAILABLE, retryAfter);
  }

  public static ExportBehaviour badRequest() {
    return BAD_REQUEST;
  }

  public static ExportBehaviour hang() {
    return HANG;
  }

  public Kind kind() {
    return kind;
  }

  /** The delay advertised by {@link Kind#UNAVAILABLE}; zero for the other kinds. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** {@code Retry-After} header value: whole seconds, rounded up so a client never retries too early. */
  long retryAfterSeconds() {
    long seconds = retryAfter.getSeconds();
    return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
  }

  @Override
  public String toString() {
    return kind == Kind.UNAVAILABLE ? "UNAVAILABLE(retryAfter=" + retryAfter + ")" : kind.name();
  }
}
