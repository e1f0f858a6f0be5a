package dev.vireo.instrumentation.api;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.List;

public final class InstrumenterBuilder<REQUEST, RESPONSE> {

  final String instrumentationName;
  final SpanNameExtractor<? super REQUEST> spanNameExtractor;
  OpenTelemetry openTelemetry;
  String instrumentationVersion = VireoVersion.VERSION;
  SpanKind spanKind = SpanKind.INTERNAL;
  final List<AttributesExtractor<? super REQUEST, ? super RESPONSE>> extractors = new ArrayList<>();
  SpanStatusExtractor<? super REQUEST, ? super RESPONSE> statusExtractor =
      SpanStatusExtractor.errorOnException();
  SpanLinksExtractor<? super REQUEST> linksExtractor;
  final List<OperationListener> listeners = new ArrayList<>();
  final List<ContextCustomizer<? super REQUEST>> contextCustomizers = new ArrayList<>();
  SpanFamily family;
  TextMapGetter<REQUEST> extractFrom;
  TextMapSetter<REQUEST> injectInto;
  boolean enabled = true;
  ExceptionTextRedactor<? super REQUEST> exceptionRedactor;

  InstrumenterBuilder(String instrumentationName, SpanNameExtractor<? super REQUEST> spanNameExtractor) {
    this.instrumentationName = instrumentationName;
    this.spanNameExtractor = spanNameExtractor;
  }

  /** Defaults to {@link VireoTelemetry#get()}; tests may pass their own. */
  public InstrumenterBuilder<REQUEST, RESPONSE> setOpenTelemetry(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    return this;
  }

  public InstrumenterBuilder<REQUEST, RESPONSE> setInstrumentationVersion(String version) {
    this.instrumentationVersion = version;
    return this;
  }

  public InstrumenterBuilder<REQUEST, RESPONSE> addAttributesExtractor(
      AttributesExtractor<? super REQUEST, ? super RESPONSE> extractor) {
    extractors.add(extractor);
    return this;
  }

  public InstrumenterBuilder<REQUEST, RESPONSE> setSpanStatusExtractor(
      SpanStatusExtractor<? super REQUEST, ? super RESPONSE> extractor) {
    this.statusExtractor = extractor;
    return this;
  }

  public InstrumenterBuilder<REQUEST, RESPONSE> setSpanLinksExtractor(SpanLinksExtractor<? super REQUEST> extractor) {
    this.linksExtractor = extractor;
    return this;
  }

  public InstrumenterBuilder<REQUEST, RESPONSE> addOperationListener(OperationListener listener) {
    listeners.add(listener);
    return this;
  }

  public InstrumenterBuilder<REQUEST, RESPONSE> addContextCustomizer(ContextCustomizer<? super REQUEST> customizer) {
    contextCustomizers.add(customizer);
    return this;
  }

  /** Nested spans of this family are suppressed. */
  public InstrumenterBuilder<REQUEST, RESPONSE> setSpanFamily(SpanFamily family) {
    this.family = family;
    return this;
  }

  /** The message and stack trace of a recorded exception pass through {@code redactor} first. */
  public InstrumenterBuilder<REQUEST, RESPONSE> setExceptionTextRedactor(
      ExceptionTextRedactor<? super REQUEST> redactor) {
    this.exceptionRedactor = redactor;
    return this;
  }

  public InstrumenterBuilder<REQUEST, RESPONSE> setEnabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  /** Client/producer side: the context is injected into the request carrier at start. */
  public Instrumenter<REQUEST, RESPONSE> buildInjecting(SpanKind kind, TextMapSetter<REQUEST> setter) {
    this.spanKind = kind;
    this.injectInto = setter;
    return build();
  }

  /** Server/consumer side: the parent is extracted from the request carrier at start. */
  public Instrumenter<REQUEST, RESPONSE> buildExtracting(SpanKind kind, TextMapGetter<REQUEST> getter) {
    this.spanKind = kind;
    this.extractFrom = getter;
    return build();
  }

  /** The parent is the current context (e.g. a DB client span). */
  public Instrumenter<REQUEST, RESPONSE> build(SpanKind kind) {
    this.spanKind = kind;
    return build();
  }

  private Instrumenter<REQUEST, RESPONSE> build() {
    if (openTelemetry == null) {
      openTelemetry = VireoTelemetry.get();
    }
    return new Instrumenter<>(this);
  }

}
