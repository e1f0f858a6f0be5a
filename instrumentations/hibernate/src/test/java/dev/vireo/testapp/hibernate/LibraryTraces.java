package dev.vireo.testapp.hibernate;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.Version;

/**
 * What the Hibernate tests do and expect, for every Hibernate version they run on (the hibernate-5 module compiles
 * these sources with {@code javax.persistence}): a session's work inside a span {@code parent}, the spans found by
 * name, and what differs between the versions.
 */
public final class LibraryTraces {

  public static final String BOOK = Book.class.getName();
  private static final boolean HIBERNATE_5 = Version.getVersionString().startsWith("5.");
  /** Hibernate 6+ renders a query's HQL with the entity's full name; Hibernate 5 keeps the text as written. */
  public static final String QUERIED_BOOK = HIBERNATE_5 ? "Book" : BOOK;
  /** The module that traces this version. */
  public static final String SCOPE = HIBERNATE_5 ? "dev.vireo.hibernate-5" : "dev.vireo.hibernate";

  private final SessionFactory sessionFactory;

  public LibraryTraces(SessionFactory sessionFactory) {
    this.sessionFactory = sessionFactory;
  }

  /** Runs {@code work} in a session inside a span "parent"; the spans of its trace, once {@code count} finished. */
  public List<SpanData> inTrace(Consumer<Session> work, int count) {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent();
        Session session = sessionFactory.openSession()) {
      work.accept(session);
    } finally {
      parent.end();
    }
    List<SpanData> spans = AgentTesting.waitForSpans(count).trace(0).spans();
    assertThat(spans).hasSize(count);
    return spans;
  }

  /** A book stored (outside any test trace), its id. */
  public long saved(String title) {
    Book book = new Book(title);
    try (Session session = sessionFactory.openSession()) {
      Transaction transaction = session.beginTransaction();
      session.persist(book);
      transaction.commit();
    }
    AgentTesting.waitForSpans(3);
    AgentTesting.clear();
    return book.getId();
  }

  /** A Hibernate operation's span: INTERNAL, child of {@code parent}, no attributes, the module's scope. */
  public static void assertOperation(SpanData span, SpanData parent) {
    assertThat(span)
        .hasKind(SpanKind.INTERNAL)
        .hasParent(parent)
        .hasStatus(StatusData.unset())
        .hasTotalAttributeCount(0)
        .hasInstrumentationScopeInfo(
            InstrumentationScopeInfo.builder(SCOPE).setVersion(span.getInstrumentationScopeInfo().getVersion()).build());
  }

  public static SpanData named(List<SpanData> spans, String name) {
    List<SpanData> found = spans.stream().filter(span -> span.getName().equals(name)).collect(Collectors.toList());
    assertThat(found).as("spans named %s among %s", name, spans).hasSize(1);
    return found.get(0);
  }

  /** On Hibernate 5 a query's span and its statement's span can have the same name. */
  public static SpanData named(List<SpanData> spans, String name, SpanKind kind) {
    return named(spans.stream().filter(span -> span.getKind() == kind).collect(Collectors.toList()), name);
  }

  public static List<SpanData> clientSpans(List<SpanData> spans) {
    return spans.stream().filter(span -> span.getKind() == SpanKind.CLIENT).collect(Collectors.toList());
  }
}
