package dev.vireo.testapp.otelapi;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleGauge;
import io.opentelemetry.api.metrics.LongGauge;
import io.opentelemetry.api.metrics.Meter;
import java.util.function.Consumer;

/** Synchronous gauges (API 1.38 and later) through the application's own API, under the meter named by the caller. */
public final class GaugeMetrics implements Consumer<String> {

  @Override
  public void accept(String meterName) {
    Meter meter = GlobalOpenTelemetry.getMeter(meterName);
    DoubleGauge temperature =
        meter.gaugeBuilder("shop.freezer.temperature").setDescription("Freezer temperature").setUnit("Cel").build();
    temperature.set(-17.5, Attributes.of(AttributeKey.stringKey("freezer"), "north"));
    temperature.set(-18.25, Attributes.of(AttributeKey.stringKey("freezer"), "north"));
    LongGauge queue = meter.gaugeBuilder("shop.checkout.queue").ofLongs().build();
    queue.set(4);
    queue.set(2);
  }
}
