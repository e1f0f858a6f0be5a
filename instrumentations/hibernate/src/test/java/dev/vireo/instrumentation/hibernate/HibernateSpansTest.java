package dev.vireo.instrumentation.hibernate;

import static dev.vireo.testapp.hibernate.LibraryTraces.BOOK;
import static dev.vireo.testapp.hibernate.LibraryTraces.QUERIED_BOOK;
import static dev.vireo.testapp.hibernate.LibraryTraces.assertOperation;
import static dev.vireo.testapp.hibernate.LibraryTraces.clientSpans;
import static dev.vireo.testapp.hibernate.LibraryTraces.named;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testapp.hibernate.Book;
import dev.vireo.testapp.hibernate.Library;
import dev.vireo.testapp.hibernate.LibraryTraces;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import jakarta.persistence.NoResultException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hibernate with the agent attached: each session operation, query execution and commit is an INTERNAL span with
 * no attributes, child of the application's span and parent of the JDBC spans it causes, named as the OpenTelemetry
 * agent names them (its query spans as with the stable database conventions, which Vireo's database spans follow).
 * One session factory (over H2) for the class; the same sources run against Hibernate 6.0, 6.6 and 7, and with
 * {@code javax.persistence} against Hibernate 5.6 (hibernate-5).
 */
@ExtendWith(AgentTestingExtension.class)
class HibernateSpansTest {

  private static SessionFactory sessionFactory;
  private static LibraryTraces traces;

  @BeforeAll
  static void openSessionFactory() {
    sessionFactory = Library.open("hibernate");
    traces = new LibraryTraces(sessionFactory);
  }

  @AfterAll
  static void closeSessionFactory() {
    sessionFactory.close();
  }

  @Test
  void aPersistIsTheParentOfItsInsertAndTheCommitOfTheFlush() {
    List<SpanData> spans =
        traces.inTrace(
            session -> {
              Transaction transaction = session.beginTransaction();
              Book book = new Book("Dune");
              session.persist(book);
              book.setTitle("Dune Messiah");
              transaction.commit();
            },
            5);

    SpanData parent = named(spans, "parent");
    SpanData persist = named(spans, "Session.persist " + BOOK);
    SpanData commit = named(spans, "Transaction.commit");
    assertOperation(persist, parent);
    assertOperation(commit, parent);
    assertThat(named(spans, "insert Book")).hasKind(SpanKind.CLIENT).hasParent(persist);
    assertThat(named(spans, "update Book")).hasKind(SpanKind.CLIENT).hasParent(commit);
  }

  @Test
  void lookUpsAreNamedAfterTheEntityByClassOrByName() {
    long id = traces.saved("Emma");

    List<SpanData> spans =
        traces.inTrace(
            session -> {
              assertThat(session.find(Book.class, id).getTitle()).isEqualTo("Emma");
              session.clear();
              assertThat(((Book) session.get(BOOK, id)).getTitle()).isEqualTo("Emma");
            },
            5);

    SpanData parent = named(spans, "parent");
    SpanData find = named(spans, "Session.find " + BOOK);
    SpanData get = named(spans, "Session.get " + BOOK);
    assertOperation(find, parent);
    assertOperation(get, parent);
    assertThat(clientSpans(spans)).extracting(SpanData::getParentSpanId)
        .containsExactly(find.getSpanId(), get.getSpanId());
  }

  @Test
  void queriesAreNamedByTheSummaryOfTheirHqlOrSql() {
    traces.saved("Ulysses");

    List<SpanData> spans =
        traces.inTrace(
            session -> {
              assertThat(
                      session.createQuery("select b from Book b where b.title = :title", Book.class)
                          .setParameter("title", "Ulysses")
                          .getResultList())
                  .hasSize(1);
              CriteriaBuilder criteria = session.getCriteriaBuilder();
              CriteriaQuery<Book> byTitle = criteria.createQuery(Book.class);
              Root<Book> book = byTitle.from(Book.class);
              byTitle.select(book).where(criteria.equal(book.get("title"), "Ulysses"));
              assertThat(session.createQuery(byTitle).getSingleResult().getTitle()).isEqualTo("Ulysses");
              assertThat(((Number) session.createNativeQuery("select count(*) from Book").getSingleResult()).intValue())
                  .isPositive();
            },
            7);

    SpanData parent = named(spans, "parent");
    List<SpanData> queries =
        spans.stream()
            .filter(span -> span.getKind() == SpanKind.INTERNAL && span != parent)
            .collect(Collectors.toList());
    assertThat(queries).extracting(SpanData::getName)
        .containsExactly("select " + QUERIED_BOOK, "select " + QUERIED_BOOK, "select Book");
    queries.forEach(query -> assertOperation(query, parent));
    // each query's statement runs inside its execution's span, once: list() inside getResultList() is no second span
    assertThat(clientSpans(spans)).extracting(SpanData::getParentSpanId)
        .containsExactly(queries.get(0).getSpanId(), queries.get(1).getSpanId(), queries.get(2).getSpanId());
  }

  @Test
  void aFailedQueryEndsItsSpanWithTheErrorAndThrowsItUnchanged() {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    List<SpanData> spans =
        traces.inTrace(
            session ->
                thrown.set(
                    catchThrowable(() -> session.createNativeQuery("select * from Missing").getResultList())),
            2); // H2 refuses the statement when it is prepared: no JDBC span

    assertThat(thrown.get()).isInstanceOf(PersistenceException.class);
    SpanData query = named(spans, "select Missing");
    assertThat(query)
        .hasKind(SpanKind.INTERNAL)
        .hasParent(named(spans, "parent"))
        .hasStatus(StatusData.error())
        .hasEventsSatisfyingExactly(
            event ->
                event
                    .hasName("exception")
                    .hasAttributesSatisfying(
                        equalTo(stringKey("exception.type"), thrown.get().getClass().getName())));
  }

  @Test
  void aSingleResultThatIsNotThereLeavesTheQuerySpanUnset() {
    // as in the OpenTelemetry agent: the span is the list() that getSingleResult() runs, which succeeded
    List<SpanData> spans =
        traces.inTrace(
            session ->
                assertThatThrownBy(
                        () ->
                            session.createQuery("select b from Book b where b.title = 'none such'", Book.class)
                                .getSingleResult())
                    .isExactlyInstanceOf(NoResultException.class),
            3);

    SpanData query = named(spans, "select " + QUERIED_BOOK, SpanKind.INTERNAL);
    assertOperation(query, named(spans, "parent"));
    assertThat(named(spans, "select Book", SpanKind.CLIENT)).hasParent(query);
  }

  @Test
  void aStatelessSessionsInsertIsASpanToo() {
    List<SpanData> spans;
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("parent").startSpan();
    try (Scope ignored = parent.makeCurrent();
        StatelessSession session = sessionFactory.openStatelessSession()) {
      session.insert(new Book("Beloved"));
    } finally {
      parent.end();
    }
    spans = AgentTesting.waitForSpans(3).trace(0).spans();

    SpanData insert = named(spans, "Session.insert " + BOOK);
    assertOperation(insert, named(spans, "parent"));
    assertThat(named(spans, "insert Book")).hasParent(insert);
  }

  @Test
  void withoutAnApplicationSpanTheOperationIsTheRoot() {
    long id = traces.saved("Middlemarch");

    try (Session session = sessionFactory.openSession()) {
      session.find(Book.class, id);
    }

    List<SpanData> spans = AgentTesting.waitForSpans(2).trace(0).spans();
    SpanData find = named(spans, "Session.find " + BOOK);
    assertThat(find).hasKind(SpanKind.INTERNAL).hasNoParent();
    assertThat(named(spans, "select Book")).hasParent(find);
  }
}
