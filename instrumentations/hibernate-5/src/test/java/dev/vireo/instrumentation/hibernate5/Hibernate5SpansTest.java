package dev.vireo.instrumentation.hibernate5;

import static dev.vireo.testapp.hibernate.LibraryTraces.BOOK;
import static dev.vireo.testapp.hibernate.LibraryTraces.assertOperation;
import static dev.vireo.testapp.hibernate.LibraryTraces.named;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testapp.hibernate.Book;
import dev.vireo.testapp.hibernate.Library;
import dev.vireo.testapp.hibernate.LibraryTraces;
import dev.vireo.testing.agent.AgentTestingExtension;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.criterion.Restrictions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What only Hibernate 5 has or does, as the OpenTelemetry agent traces it: the legacy {@code Criteria} queries, and a
 * {@code remove} that runs {@code delete}. The rest is the hibernate module's tests, compiled here too.
 */
@ExtendWith(AgentTestingExtension.class)
class Hibernate5SpansTest {

  private static SessionFactory sessionFactory;
  private static LibraryTraces traces;

  @BeforeAll
  static void openSessionFactory() {
    sessionFactory = Library.open("hibernate5");
    traces = new LibraryTraces(sessionFactory);
  }

  @AfterAll
  static void closeSessionFactory() {
    sessionFactory.close();
  }

  @Test
  void aLegacyCriteriaQueryIsNamedAfterItsEntity() {
    traces.saved("Persuasion");

    List<SpanData> spans =
        traces.inTrace(
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
    long id = traces.saved("Dracula");

    List<SpanData> spans =
        traces.inTrace(
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
}
