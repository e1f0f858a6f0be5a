package dev.vireo.instrumentation.hibernate;

import dev.vireo.instrumentation.api.InstrumentationScope;
import dev.vireo.instrumentation.api.Instrumenter;
import dev.vireo.instrumentation.api.SpanFamily;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * One Hibernate operation (a session call, a query execution, a commit) whose INTERNAL span is current while it
 * runs. The span's name is the request; Hibernate operations have no attributes of their own (the OpenTelemetry
 * agent's {@code hibernate.session_id} is experimental and off by default).
 */
final class HibernateOperation {

  static final Instrumenter<String, Void> INSTRUMENTER =
      Instrumenter.<String, Void>builder(InstrumentationScope.of(HibernateModule.NAME), name -> name)
          .setSpanFamily(SpanFamily.ORM_OPERATION)
          .build(SpanKind.INTERNAL);

  private final String name;
  private final Context context;
  private final Scope scope;

  private HibernateOperation(String name, Context context) {
    this.name = name;
    this.context = context;
    this.scope = context.makeCurrent();
  }

  /** Whether an operation starting now gets a span: not inside another Hibernate operation's span. */
  static boolean startsIn(Context parent) {
    return INSTRUMENTER.shouldStart(parent, null);
  }

  /** Starts the span, current until {@link #end}; {@link #startsIn} said yes for {@code parent}. */
  static HibernateOperation start(Context parent, String name) {
    return new HibernateOperation(name, INSTRUMENTER.start(parent, name));
  }

  /** Ends what an advice's enter returned: a started operation, or null when none started. */
  static void end(Object operation, Throwable thrown) {
    if (operation instanceof HibernateOperation) {
      ((HibernateOperation) operation).end(thrown);
    }
  }

  private void end(Throwable thrown) {
    try {
      scope.close();
    } finally {
      INSTRUMENTER.end(context, name, null, thrown);
    }
  }
}
