package dev.vireo.instrumentation.api;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;

/**
 * A protocol family of spans. At most one span of a family is open along a context chain: an HTTP
 * client built on another instrumented HTTP client yields one CLIENT span, a pool's statement
 * delegating to the driver's statement one DB span.
 */
public final class SpanFamily {

  public static final SpanFamily HTTP_CLIENT = new SpanFamily("http-client");
  public static final SpanFamily HTTP_SERVER = new SpanFamily("http-server");
  public static final SpanFamily DB_CLIENT = new SpanFamily("db-client");
  public static final SpanFamily RPC_CLIENT = new SpanFamily("rpc-client");
  public static final SpanFamily RPC_SERVER = new SpanFamily("rpc-server");
  public static final SpanFamily MESSAGING_PRODUCER = new SpanFamily("messaging-producer");
  public static final SpanFamily MESSAGING_RECEIVE = new SpanFamily("messaging-receive");
  public static final SpanFamily MESSAGING_PROCESS = new SpanFamily("messaging-process");
  /** A call on an HTTP server's response inside the request ({@code sendError}, {@code sendRedirect}). */
  public static final SpanFamily HTTP_SERVER_RESPONSE = new SpanFamily("http-server-response");
  /**
   * An object-relational mapper's operation (a Hibernate session call, query execution or commit): the operations
   * it performs inside itself are part of it.
   */
  public static final SpanFamily ORM_OPERATION = new SpanFamily("orm-operation");

  private final String name;
  private final ContextKey<Span> key;

  private SpanFamily(String name) {
    this.name = name;
    this.key = ContextKey.named("vireo-" + name);
  }

  /** The open span of this family in the context, or null. */
  public Span current(Context context) {
    return context.get(key);
  }

  public boolean isActiveIn(Context context) {
    return context.get(key) != null;
  }

  public Context markActive(Context context, Span span) {
    return context.with(key, span);
  }

  /**
   * Makes current a context in which no span of this family starts: the family marked active without a span (a
   * library's own housekeeping: a pool's validation query, a driver's metadata lookup); its scope.
   */
  public Scope suppress() {
    return markActive(Context.current(), Span.getInvalid()).makeCurrent();
  }

  @Override
  public String toString() {
    return name;
  }
}
