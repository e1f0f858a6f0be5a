package dev.vireo.instrumentation.api.semconv.orm;

import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * One operation of an object-relational mapper (a Hibernate session call, query execution or commit) whose INTERNAL
 * span, named by the request, is current while it runs. An operation inside another gets no span of its own
 * ({@link SpanFamily#ORM_OPERATION}): the outer span is the parent of what both do.
 */
public final class OrmOperation {

  private final Instrumenter<String, Void> instrumenter;
  private final String name;
  private final Context context;
  private final Scope scope;

  private OrmOperation(Instrumenter<String, Void> instrumenter, String name, Context context) {
    this.instrumenter = instrumenter;
    this.name = name;
    this.context = context;
    this.scope = context.makeCurrent();
  }

  /** The instrumenter of a mapper's operations: INTERNAL spans without attributes, named by the request. */
  public static Instrumenter<String, Void> instrumenter(String instrumentationName) {
    return Instrumenter.<String, Void>builder(instrumentationName, name -> name)
        .setSpanFamily(SpanFamily.ORM_OPERATION)
        .build(SpanKind.INTERNAL);
  }

  /** Whether an operation starting now in {@code parent} gets a span; ask before computing its name. */
  public static boolean startsIn(Instrumenter<String, Void> instrumenter, Context parent) {
    return instrumenter.shouldStart(parent, null);
  }

  /** Starts the span, current until {@link #end}; {@link #startsIn} said yes for {@code parent}. */
  public static OrmOperation start(Instrumenter<String, Void> instrumenter, Context parent, String name) {
    return new OrmOperation(instrumenter, name, instrumenter.start(parent, name));
  }

  /** Ends what an advice's enter returned: a started operation, or null (or anything else) when none started. */
  public static void end(Object operation, Throwable thrown) {
    if (operation instanceof OrmOperation) {
      ((OrmOperation) operation).end(thrown);
    }
  }

  private void end(Throwable thrown) {
    try {
      scope.close();
    } finally {
      instrumenter.end(context, name, null, thrown);
    }
  }
}
