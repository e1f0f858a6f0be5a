package dev.vireo.instrumentation.hibernate5;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testapp.hibernate5.Book;
import dev.vireo.testapp.hibernate5.Library;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import javax.persistence.NoResultException;
import javax.persistence.PersistenceException;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Root;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.criterion.Restrictions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hibernate 5 with the agent attached: each session operation, query execution and commit is an INTERNAL span with
 * no attributes, child of the application's span and parent of the JDBC spans it causes, named as the OpenTelemetry
 * agent names them (its query spans as with the stable database conventions, which Vireo's database spans follow).
 * Hibernate 5 names a query by its text as written (a JPA criteria query's generated JPQL names the entity by its
 * simple name), and its remove() is a delete. One session factory (over H2) for the class.
 */
@ExtendWith(AgentTestingExtension.class)
class Hibernate5SpansTest {

  private static final String BOOK = Book.class.getName();

  private static SessionFactory sessionFactory;

  @BeforeAll
  static void openSessionFactory() {
    sessionFactory = Library.open("hibernate");
  }

  @AfterAll
  static void closeSessionFactory() {
    sessionFactory.close();
  }

  @Test
  void aPersistIsTheParentOfItsInsertAndTheCommitOfTheFlush() {
    List<SpanData> spans =
        inTrace(
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
    long id = saved("Emma");

    List<SpanData> spans =
        inTrace(
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
  void queriesAreNamedByTheSummaryOfTheirHqlOrSqlAsWritten() {
    saved("Ulysses");

    List<SpanData> spans =
        inTrace(
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
        .containsExactly("select Book", "select Book", "select Book");
    queries.forEach(query -> assertOperation(query, parent));
    // each query's statement runs inside its execution's span, once: list() inside getResultList() is no second span
    assertThat(clientSpans(spans)).extracting(SpanData::getParentSpanId)
        .containsExactly(queries.get(0).getSpanId(), queries.get(1).getSpanId(), queries.get(2).getSpanId());
  }

  @Test
  void aFailedQueryEndsItsSpanWithTheErrorAndThrowsItUnchanged() {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    List<SpanData> spans =
        inTrace(
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
        inTrace(
            session ->
                assertThatThrownBy(
                        () ->
                            session.createQuery("select b from Book b where b.title = 'none such'", Book.class)
                                .getSingleResult())
                    .isExactlyInstanceOf(NoResultException.class),
            3);

    SpanData query = named(spans, "select Book", SpanKind.INTERNAL);
    assertOperation(query, named(spans, "parent"));
    assertThat(named(spans, "select Book", SpanKind.CLIENT)).hasParent(query);
  }

  @Test
  void aLegacyCriteriaQueryIsNamedAfterItsEntity() {
    saved("Persuasion");

    List<SpanData> spans =
        inTrace(
            session ->
                assertThat(session.createCriteria(Book.class).add(Restrictions.eq("title", "Persuasion")).list())
                    .hasSize(1),
            3);

    SpanData criteria = named(spans, "Criteria.list " + BOOK);
    assertOperation(criteria, named(spans, "parent"));
    assertThat(named(spans, "select Book")).hasKind(SpanKind.CLIENT).hasParent(criteria);
  }

  @Test
  void aRemoveIsTheDeleteItRuns() {
    long id = saved("Dracula");

    List<SpanData> spans =
        inTrace(
            session -> {
              Transaction transaction = session.beginTransaction();
              session.remove(session.getReference(Book.class, id));
              transaction.commit();
            },
            5);

    SpanData parent = named(spans, "parent");
    SpanData delete = named(spans, "Session.delete " + BOOK);
    SpanData commit = named(spans, "Transaction.commit");
    assertOperation(delete, parent);
    assertOperation(commit, parent);
    // the reference is loaded by the delete, the row deleted by the flush
    assertThat(named(spans, "select Book")).hasParent(delete);
    assertThat(named(spans, "delete Book")).hasParent(commit);
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
    long id = saved("Middlemarch");

    try (Session session = sessionFactory.openSession()) {
      session.find(Book.class, id);
    }

    List<SpanData> spans = AgentTesting.waitForSpans(2).trace(0).spans();
    SpanData find = named(spans, "Session.find " + BOOK);
    assertThat(find).hasKind(SpanKind.INTERNAL).hasNoParent();
    assertThat(named(spans, "select Book")).hasParent(find);
  }

  /** Runs {@code work} in a session inside a span "parent"; the spans of its trace, once {@code count} finished. */
  private static List<SpanData> inTrace(Consumer<Session> work, int count) {
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
  private static long saved(String title) {
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

  private static void assertOperation(SpanData span, SpanData parent) {
    assertThat(span)
        .hasKind(SpanKind.INTERNAL)
        .hasParent(parent)
        .hasStatus(StatusData.unset())
        .hasTotalAttributeCount(0)
        .hasInstrumentationScopeInfo(
            io.opentelemetry.sdk.common.InstrumentationScopeInfo.builder("dev.vireo.hibernate-5")
                .setVersion(span.getInstrumentationScopeInfo().getVersion())
                .build());
  }

  private static SpanData named(List<SpanData> spans, String name) {
    List<SpanData> found = spans.stream().filter(span -> span.getName().equals(name)).collect(Collectors.toList());
    assertThat(found).as("spans named %s among %s", name, spans).hasSize(1);
    return found.get(0);
  }

  /** Hibernate 5's query span and its statement's span can have the same name. */
  private static SpanData named(List<SpanData> spans, String name, SpanKind kind) {
    return named(spans.stream().filter(span -> span.getKind() == kind).collect(Collectors.toList()), name);
  }

  private static List<SpanData> clientSpans(List<SpanData> spans) {
    return spans.stream().filter(span -> span.getKind() == SpanKind.CLIENT).collect(Collectors.toList());
  }
}
