package dev.vireo.instrumentation.opentelemetryapi.metrics.application;

import io.opentelemetry.api.metrics.ObservableDoubleCounter;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import io.opentelemetry.api.metrics.ObservableDoubleUpDownCounter;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.metrics.ObservableLongUpDownCounter;

/** One of the agent's asynchronous instruments as the application's; closing it removes the callback. */
public final class ApplicationObservable
    implements ObservableLongCounter,
        ObservableDoubleCounter,
        ObservableLongUpDownCounter,
        ObservableDoubleUpDownCounter,
        ObservableLongGauge,
        ObservableDoubleGauge {

  private final AutoCloseable agentObservable;

  ApplicationObservable(AutoCloseable agentObservable) {
    this.agentObservable = agentObservable;
  }

  @Override
  public void close() {
    try {
      agentObservable.close();
    } catch (Exception ignored) {
      // the SDK's observables do not throw
    }
  }
}
