package dev.vireo.testapp.otelapi;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.function.Consumer;

/**
 * One batch callback (API 1.15 and later) recording two measurements made with {@code buildObserver()},
 * under the meter named by the caller; a name ending in {@code .closed} closes the callback right away.
 */
public final class BatchMetrics implements Consumer<String> {

  @Override
  public void accept(String meterName) {
    Meter meter = GlobalOpenTelemetry.getMeter(meterName);
    ObservableLongMeasurement queued =
        meter.upDownCounterBuilder("shop.jobs.queued").setDescription("Jobs waiting").setUnit("{job}").buildObserver();
    ObservableDoubleMeasurement load = meter.gaugeBuilder("shop.load").buildObserver();
    BatchCallback callback =
        meter.batchCallback(
            () -> {
              queued.record(7, Attributes.of(AttributeKey.stringKey("queue"), "email"));
              load.record(0.75);
            },
            queued,
            load);
    if (meterName.endsWith(".closed")) {
      callback.close();
    }
  }
}
