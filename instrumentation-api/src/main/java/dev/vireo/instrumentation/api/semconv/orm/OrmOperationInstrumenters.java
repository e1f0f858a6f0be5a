package dev.vireo.instrumentation.api.semconv.orm;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.trace.SpanKind;

/**
 * The spans of an object-relational mapper's operations (a Hibernate session call, query execution or commit):
 * INTERNAL, without attributes, named by the request. An operation inside another gets no span of its own ({@link
 * SpanFamily#ORM_OPERATION}): the outer span is the parent of what both do.
 */
public final class OrmOperationInstrumenters {

  private OrmOperationInstrumenters() {}

  public static Instrumenter<String, Void> create(String instrumentationName) {
    return Instrumenter.<String, Void>builder(instrumentationName, name -> name)
        .setSpanFamily(SpanFamily.ORM_OPERATION)
        .build(SpanKind.INTERNAL);
  }
}
