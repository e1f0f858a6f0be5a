package dev.vireo.tooling.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.GrpcStatusCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class ExportFailureCauseTest {

  private static HttpResponse http(int code, String message) {
    return new HttpResponse() {
      @Override
      public int getStatusCode() {
        return code;
      }

      @Override
      public String getStatusMessage() {
        return message;
      }

      @Override
      public byte[] getResponseBody() {
        return new byte[0];
      }
    };
  }

  @Test
  void retryableHttpStatus() {
    assertThat(ExportFailureCause.describe(FailedExportException.httpFailedWithResponse(http(503, "Service Unavailable"))))
        .isEqualTo("HTTP 503 Service Unavailable (retryable; retries exhausted)");
  }

  @Test
  void nonRetryableHttpStatus() {
    assertThat(ExportFailureCause.describe(FailedExportException.httpFailedWithResponse(http(400, ""))))
        .isEqualTo("HTTP 400 (not retryable)");
  }

  @Test
  void grpcStatus() {
    GrpcResponse response =
        new GrpcResponse() {
          @Override
          public GrpcStatusCode getStatusCode() {
            return GrpcStatusCode.UNAVAILABLE;
          }

          @Override
          public String getStatusDescription() {
            return "collector restarting";
          }

          @Override
          public byte[] getResponseMessage() {
            return new byte[0];
          }
        };
    assertThat(ExportFailureCause.describe(FailedExportException.grpcFailedWithResponse(response)))
        .isEqualTo("gRPC UNAVAILABLE collector restarting");
  }

  @Test
  void connectionRefused() {
    assertThat(
            ExportFailureCause.describe(
                FailedExportException.httpFailedExceptionally(new ConnectException("Failed to connect to /127.0.0.1:4318"))))
        .isEqualTo("connection refused (java.net.ConnectException: Failed to connect to /127.0.0.1:4318)");
  }

  @Test
  void timeout() {
    assertThat(ExportFailureCause.describe(FailedExportException.httpFailedExceptionally(new InterruptedIOException("timeout"))))
        .isEqualTo("timed out (java.io.InterruptedIOException: timeout)");
  }

  @Test
  void noCause() {
    assertThat(ExportFailureCause.describe(null)).isEqualTo("export failed (no cause reported by the exporter)");
  }

  @Test
  void remoteTextIsEscapedAndCapped() {
    // issue 25, item 4: a garbage response put CR, BS and FF into the WARN line and the MBean
    String garbage = "Bad\r\nWARN forged line\b\f\u001b[2J" + "x".repeat(1_000);
    String described = ExportFailureCause.describe(FailedExportException.httpFailedWithResponse(http(502, garbage)));
    assertThat(described)
        .startsWith("HTTP 502 Bad\\r\\nWARN forged line\\u0008\\u000c\\u001b[2J")
        .doesNotContain("\r", "\n", "\b", "\f", "\u001b")
        .contains("more characters)");
    assertThat(described.length()).isLessThan(PrintableText.MAX_LENGTH + 50);
  }

  @Test
  void printableTextIsKeptAsIs() {
    assertThat(PrintableText.of("HTTP 503 Service Unavailable, äöü")).isEqualTo("HTTP 503 Service Unavailable, äöü");
  }

  @Test
  void unreachableMeansTheConnectionItselfFailed() {
    assertThat(ExportFailureCause.isUnreachable(new java.io.IOException("x", new ConnectException("refused")))).isTrue();
    assertThat(ExportFailureCause.isUnreachable(new java.net.UnknownHostException("collector"))).isTrue();
    assertThat(ExportFailureCause.isUnreachable(new InterruptedIOException("timeout"))).isFalse();
    assertThat(ExportFailureCause.isUnreachable(FailedExportException.httpFailedWithResponse(http(503, "")))).isFalse();
  }
}
