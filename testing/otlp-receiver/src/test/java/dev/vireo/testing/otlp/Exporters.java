package dev.vireo.testing.otlp;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Builds the SDK's OTLP span exporter for either transport with the options the tests vary. */
final class Exporters {

  private final Protocol protocol;
  private final String endpoint;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Duration timeout = Duration.ofSeconds(10);
  private RetryPolicy retryPolicy;
  private String compression = "none";
  private byte[] trustedCertificates;
  private byte[] clientKey;
  private byte[] clientCertificate;

  private Exporters(Protocol protocol, String endpoint) {
    this.protocol = protocol;
    this.endpoint = endpoint;
  }

  static Exporters to(OtlpReceiver receiver, Protocol protocol) {
    return new Exporters(protocol,
        protocol == Protocol.GRPC ? receiver.grpcEndpoint() : receiver.httpEndpoint() + "/v1/traces");
  }

  Exporters header(String key, String value) {
    headers.put(key, value);
    return this;
  }

  Exporters timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** Default: no retries, so one export is exactly one request. */
  Exporters retries(int maxAttempts) {
    this.retryPolicy = RetryPolicy.builder()
        .setMaxAttempts(maxAttempts)
        .setInitialBackoff(Duration.ofMillis(50))
        .setMaxBackoff(Duration.ofMillis(200))
        .build();
    return this;
  }

  Exporters gzip() {
    this.compression = "gzip";
    return this;
  }

  Exporters trust(byte[] caPem) {
    this.trustedCertificates = caPem;
    return this;
  }

  Exporters clientTls(byte[] keyPem, byte[] certificatePem) {
    this.clientKey = keyPem;
    this.clientCertificate = certificatePem;
    return this;
  }

  SpanExporter build() {
    if (protocol == Protocol.GRPC) {
      OtlpGrpcSpanExporterBuilder builder = OtlpGrpcSpanExporter.builder()
          .setEndpoint(endpoint).setTimeout(timeout).setRetryPolicy(retryPolicy).setCompression(compression);
      headers.forEach(builder::addHeader);
      if (trustedCertificates != null) {
        builder.setTrustedCertificates(trustedCertificates);
      }
      if (clientKey != null) {
        builder.setClientTls(clientKey, clientCertificate);
      }
      return builder.build();
    }
    OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
        .setEndpoint(endpoint).setTimeout(timeout).setRetryPolicy(retryPolicy).setCompression(compression);
    headers.forEach(builder::addHeader);
    if (trustedCertificates != null) {
      builder.setTrustedCertificates(trustedCertificates);
    }
    if (clientKey != null) {
      builder.setClientTls(clientKey, clientCertificate);
    }
    return builder.build();
  }

  /** Exports once and reports whether the exporter considered it a success. */
  boolean export(Collection<SpanData> spans) {
    try (SpanExporter exporter = build()) {
      CompletableResultCode result = exporter.export(spans).join(30, TimeUnit.SECONDS);
      if (!result.isDone()) {
        throw new AssertionError("export did not finish within 30s");
      }
      return result.isSuccess();
    }
  }
}
