/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.Collections;

/**
 * W3C Baggage propagator following the specification's grammar and limits ({@link
 * BaggageHeader}); a drop-in replacement for the SDK's {@code baggage} propagator.
 *
 * <p>Extract reads every {@code baggage} value through {@link TextMapGetter#getAll} and combines
 * them in order; the extracted baggage replaces the context's baggage only when at least one
 * valid entry was found. Inject writes one lowercase {@code baggage} field when the context's
 * baggage has something writable. No exception escapes.
 */
public final class StrictBaggagePropagator implements TextMapPropagator {

  static final String BAGGAGE = "baggage";

  private static final Collection<String> FIELDS = Collections.singletonList(BAGGAGE);

  private static final StrictBaggagePropagator INSTANCE = new StrictBaggagePropagator();

  private StrictBaggagePropagator() {}

  /** The single, stateless instance. */
  public static StrictBaggagePropagator getInstance() {
    return INSTANCE;
  }

  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    try {
      Baggage baggage = Baggage.fromContext(context);
      if (baggage.isEmpty()) {
        return;
      }
      String header = BaggageHeader.format(baggage);
      if (!header.isEmpty()) {
        setter.set(carrier, BAGGAGE, header);
      }
    } catch (RuntimeException ignored) {
      // A broken setter must not break the application's request.
    }
  }

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      return Context.root();
    }
    if (getter == null) {
      return context;
    }
    try {
      Baggage baggage = BaggageHeader.parse(getter.getAll(carrier, BAGGAGE));
      return baggage.isEmpty() ? context : context.with(baggage);
    } catch (RuntimeException ignored) {
      return context;
    }
  }

  @Override
  public String toString() {
    return "StrictBaggagePropagator";
  }
}
