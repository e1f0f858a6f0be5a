package dev.vireo.tooling.exporter;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * Wraps the real span exporter and reports the outcome of every export call to {@link ExportHealth}.
 * Runs on the batch processor's worker thread; the outcome arrives on the exporter's callback thread.
 */
public final class HealthTrackingSpanExporter implements SpanExporter {

  private final SpanExporter delegate;
  private final ExportHealth health;

  public HealthTrackingSpanExporter(SpanExporter delegate, ExportHealth health) {
    this.delegate = delegate;
    this.health = health;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    int count = spans.size();
    CompletableResultCode result;
    try {
      result = delegate.export(spans);
    } catch (RuntimeException e) {
      health.exportFailed(count, e);
      return CompletableResultCode.ofExceptionalFailure(e);
    }
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            health.exportSucceeded(count);
          } else {
            health.exportFailed(count, result.getFailureThrowable());
          }
        });
    return result;
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public String toString() {
    return "HealthTrackingSpanExporter{" + delegate + "}";
  }
}
