/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.tooling.propagation;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;

/**
 * W3C Trace Context Level 2 propagator ({@code traceparent} and {@code tracestate}) that follows
 * the specification to the letter; a drop-in replacement for the SDK's {@code tracecontext}
 * propagator.
 *
 * <p>Extract: every {@code traceparent} value is read through {@link TextMapGetter#getAll} (whose
 * default falls back to {@link TextMapGetter#get} for getters that see only one value). Header
 * names are matched case-insensitively by the getter of each instrumentation, as for every
 * OpenTelemetry getter. Zero values: nothing is extracted. More than one value, or a value that
 * does not follow {@link TraceParentHeader}: the request starts a new trace and its
 * {@code tracestate} is not even parsed. Otherwise all {@code tracestate} values are combined
 * ({@link TraceStateHeader}); an invalid {@code tracestate} is dropped while the trace is
 * continued.
 *
 * <p>Trace flags, and why no sampler or id generator wrapper is needed for the Level 2
 * random-trace-id flag ({@code 0x02}): the OpenTelemetry SDK 1.67 already does what the
 * specification asks. {@code SdkSpanBuilder} sets {@code 0x02} on a root span whenever its
 * {@code IdGenerator.generatesRandomTraceIds()} is true (the default {@code IdGenerator.random()}
 * is), and a child span copies {@code isTraceIdRandom()} from its parent, local or remote. So this
 * propagator only has to (1) keep the received sampled and random bits on extract, so the SDK's
 * parent-based sampler sees the sampled bit and the child keeps the random bit exactly as
 * received ("if the flag is unset in the incoming traceparent header, it MUST also be unset in
 * any outgoing traceparent headers which use the same trace-id"), and (2) write only the two known
 * bits on inject, so unknown bits from a caller are never propagated onward. Setting {@code 0x02}
 * in the propagator itself would be wrong: it cannot know whether a trace id came from a random
 * generator, and a custom {@code IdGenerator} that is not random must leave the bit unset.
 *
 * <p>Inject writes lowercase {@code traceparent} (version 00) and, when not empty,
 * {@code tracestate}. No exception escapes: a failing getter or setter leaves the context or
 * carrier as it was.
 */
public final class StrictTraceContextPropagator implements TextMapPropagator {

  static final String TRACE_PARENT = "traceparent";
  static final String TRACE_STATE = "tracestate";

  private static final Collection<String> FIELDS =
      Collections.unmodifiableList(Arrays.asList(TRACE_PARENT, TRACE_STATE));

  private static final StrictTraceContextPropagator INSTANCE = new StrictTraceContextPropagator();

  private StrictTraceContextPropagator() {}

  /** The single, stateless instance. */
  public static StrictTraceContextPropagator getInstance() {
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
      SpanContext spanContext = Span.fromContext(context).getSpanContext();
      if (!spanContext.isValid()) {
        return;
      }
      setter.set(carrier, TRACE_PARENT, TraceParentHeader.format(spanContext));
      TraceState traceState = spanContext.getTraceState();
      if (!traceState.isEmpty()) {
        setter.set(carrier, TRACE_STATE, TraceStateHeader.format(traceState));
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
      SpanContext spanContext = extractSpanContext(carrier, getter);
      return spanContext.isValid() ? context.with(Span.wrap(spanContext)) : context;
    } catch (RuntimeException ignored) {
      return context;
    }
  }

  private static <C> SpanContext extractSpanContext(C carrier, TextMapGetter<C> getter) {
    Iterator<String> traceParents = getter.getAll(carrier, TRACE_PARENT);
    if (traceParents == null || !traceParents.hasNext()) {
      return SpanContext.getInvalid();
    }
    String traceParent = traceParents.next();
    if (traceParents.hasNext()) {
      // Several traceparent fields: which one is the parent is unknowable, so restart the trace.
      return SpanContext.getInvalid();
    }
    SpanContext parent = TraceParentHeader.parse(traceParent, TraceState.getDefault());
    if (!parent.isValid()) {
      // "If the vendor failed to parse traceparent, it MUST NOT attempt to parse tracestate."
      return parent;
    }
    TraceState traceState = TraceStateHeader.parse(getter.getAll(carrier, TRACE_STATE));
    if (traceState.isEmpty()) {
      return parent;
    }
    return SpanContext.createFromRemoteParent(
        parent.getTraceId(), parent.getSpanId(), parent.getTraceFlags(), traceState);
  }

  @Override
  public String toString() {
    return "StrictTraceContextPropagator";
  }
}
