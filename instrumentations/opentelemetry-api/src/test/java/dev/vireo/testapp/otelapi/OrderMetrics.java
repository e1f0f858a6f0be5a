package dev.vireo.testapp.otelapi;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.function.Consumer;

/** Application metrics (the meter named by the caller: one per run, the agent SDK sums cumulatively) through its own API (1.10 and later): a counter, an up-down counter, a histogram, a gauge. */
public final class OrderMetrics implements Consumer<String> {

  @Override
  public void accept(String meterName) {
    Meter meter = GlobalOpenTelemetry.getMeter(meterName);
    Attributes gold = Attributes.of(AttributeKey.stringKey("tier"), "gold");
    LongCounter placed =
        meter.counterBuilder("shop.orders.placed").setDescription("Orders placed").setUnit("{order}").build();
    placed.add(2, gold);
    placed.add(1, gold);
    LongUpDownCounter open = meter.upDownCounterBuilder("shop.orders.open").build();
    open.add(5);
    open.add(-2);
    DoubleHistogram value = meter.histogramBuilder("shop.order.value").setUnit("EUR").build();
    value.record(12.5);
    value.record(7.5);
    meter.gaugeBuilder("shop.stock").ofLongs().buildWithCallback(
        measurement -> measurement.record(17, Attributes.of(AttributeKey.stringKey("item"), "apple")));
  }
}
