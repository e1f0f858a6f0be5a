package dev.vireo.instrumentation.api.semconv.rpc;

/**
 * The gRPC status codes (fixed by the gRPC protocol) and the span-status rules the gRPC semantic
 * conventions give for them: every non-OK code fails a client span; a server span fails only for the
 * codes that mean the server itself failed.
 */
public final class GrpcStatusCodes {

  public static final int OK = 0;

  private static final String[] NAMES = {
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED"
  };

  private GrpcStatusCodes() {}

  /** e.g. {@code DEADLINE_EXCEEDED}; the number itself for a code outside the protocol's list. */
  public static String name(int code) {
    return code >= 0 && code < NAMES.length ? NAMES[code] : Integer.toString(code);
  }

  public static boolean isClientError(int code) {
    return code != OK;
  }

  /** UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS. */
  public static boolean isServerError(int code) {
    switch (code) {
      case 2:
      case 4:
      case 12:
      case 13:
      case 14:
      case 15:
        return true;
      default:
        return false;
    }
  }
}
