package dev.vireo.instrumentation.hibernate;

import dev.vireo.instrumentation.api.AgentLog;
import io.opentelemetry.context.Context;

/** Spans of {@code Transaction.commit()}. */
final class TransactionCommits {

  static final String SPAN_NAME = "Transaction.commit";

  private TransactionCommits() {}

  /** The started operation, or null when none starts. */
  static HibernateOperation start() {
    try {
      Context parent = Context.current();
      return HibernateOperation.startsIn(parent) ? HibernateOperation.start(parent, SPAN_NAME) : null;
    } catch (Throwable t) {
      AgentLog.debug("hibernate: commit span not started: {}", t);
      return null;
    }
  }
}
