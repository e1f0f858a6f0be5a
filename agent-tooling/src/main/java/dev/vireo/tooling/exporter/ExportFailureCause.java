package dev.vireo.tooling.exporter;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.HttpResponse;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * One short human sentence for why an export failed, from the throwable the OTLP exporters complete
 * their result with: "HTTP 503 Service Unavailable", "connection refused (...)", "timed out (...)".
 */
final class ExportFailureCause {

  private ExportFailureCause() {}

  /** Escaped and capped: status messages and exception texts come from the remote side. */
  static String describe(Throwable failure) {
    return PrintableText.of(describeRaw(failure));
  }

  /**
   * Whether the collector could not be reached at all (connection refused, unknown host, no route): such
   * exports fail fast, and waiting for one more at exit is pointless.
   */
  static boolean isUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (isUnreachableType(t)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (isUnreachableType(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isUnreachableType(Throwable t) {
    return t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException;
  }

  private static String describeRaw(Throwable failure) {
    if (failure == null) {
      return "export failed (no cause reported by the exporter)";
    }
    if (failure instanceof FailedExportException.HttpExportException) {
      HttpResponse response = ((FailedExportException.HttpExportException) failure).getResponse();
      if (response != null) {
        String message = response.getStatusMessage();
        return "HTTP " + response.getStatusCode() + (message == null || message.isEmpty() ? "" : " " + message)
            + retryHint(response.getStatusCode());
      }
    } else if (failure instanceof FailedExportException.GrpcExportException) {
      GrpcResponse response = ((FailedExportException.GrpcExportException) failure).getResponse();
      if (response != null) {
        String description = response.getStatusDescription();
        return "gRPC " + response.getStatusCode() + (description == null || description.isEmpty() ? "" : " " + description);
      }
    }
    Throwable root = failure instanceof FailedExportException && failure.getCause() != null ? failure.getCause() : failure;
    return kind(root) + " (" + root + ")";
  }

  private static String kind(Throwable root) {
    for (Throwable t = root; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host";
      }
      if (t instanceof InterruptedIOException) {
        // OkHttp's call timeout and socket read timeouts both land here
        return "timed out";
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "request failed";
  }

  /** The OTLP spec's retryable HTTP codes; the exporter retries them with backoff before giving up. */
  private static String retryHint(int status) {
    switch (status) {
      case 429:
      case 502:
      case 503:
      case 504:
        return " (retryable; retries exhausted)";
      default:
        return " (not retryable)";
    }
  }
}
