package dev.vireo.instrumentation.mongodb;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.AgentTestingExtension;
import dev.vireo.testing.agent.Trace;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MongoDB Java driver (sync; the reactive streams client in mongodb-reactivestreams) against an in-process server that speaks the
 * MongoDB wire protocol ({@code de.bwaldvogel:mongo-java-server}): no MongoDB server package exists
 * on the project's machines, and this is the closest real peer. The driver does not know the
 * difference: it connects over TCP on loopback, as to a mongod.
 */
@ExtendWith(AgentTestingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoTest {

  private static final String DATABASE = "vireo_mongo_test";

  private MongoServer server;
  private String host;
  private int port;
  private MongoClient sync;

  @BeforeAll
  void start() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    host = "127.0.0.1";
    port = address.getPort();
    sync = MongoClients.create("mongodb://" + host + ":" + port);
  }

  @AfterAll
  void stop() {
    sync.close();
    server.shutdownNow();
  }

  @BeforeEach
  void emptyCollection() {
    sync.getDatabase(DATABASE).getCollection("users").drop();
    AgentTesting.clear();
  }

  @Test
  void commandsAreClientSpansWithSanitizedJson() {
    MongoCollection<Document> users = sync.getDatabase(DATABASE).getCollection("users");
    inRequest(() -> {
      users.insertOne(new Document("_id", 1).append("name", "alice").append("password", "hunter2"));
      assertThat(users.find(Filters.eq("name", "alice")).first()).isNotNull();
    });

    Trace trace = onlyTrace(3);
    trace.span(1)
        .hasName("insert users")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes("insert", "users",
            "{\"insert\": \"users\", \"ordered\": \"?\", \"$db\": \"?\", "
                + "\"documents\": [{\"_id\": \"?\", \"name\": \"?\", \"password\": \"?\"}]}"));
    trace.span(2)
        .hasName("find users")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(findAttributes());
  }

  @Test
  void aFailedCommandIsAnErrorWithTheServersCode() {
    List<MongoCommandException> thrown = new ArrayList<>();
    inRequest(() -> thrown.add(catchThrowableOfType(
        MongoCommandException.class,
        () -> sync.getDatabase(DATABASE).runCommand(new Document("vireoNoSuchCommand", 1)))));

    String code = Integer.toString(thrown.get(0).getErrorCode());
    Trace trace = onlyTrace(2);
    List<AttributeAssertion> expected = new ArrayList<>(Arrays.asList(
        equalTo(stringKey("db.system.name"), "mongodb"),
        equalTo(stringKey("db.namespace"), DATABASE),
        equalTo(stringKey("db.operation.name"), "vireoNoSuchCommand"),
        equalTo(stringKey("db.query.text"), "{\"vireoNoSuchCommand\": \"?\", \"$db\": \"?\"}"),
        equalTo(stringKey("server.address"), host),
        equalTo(longKey("server.port"), (long) port),
        equalTo(stringKey("db.response.status_code"), code),
        equalTo(stringKey("error.type"), code)));
    trace.span(1)
        .hasName("vireoNoSuchCommand " + DATABASE)
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.error())
        .hasAttributesSatisfyingExactly(expected);
  }

  /** A find's options differ between driver versions (singleBatch, ...): its start and end are fixed. */
  private List<AttributeAssertion> findAttributes() {
    List<AttributeAssertion> expected = attributes("find", "users", null);
    expected.set(4, satisfies(stringKey("db.query.text"), text -> text
        .startsWith("{\"find\": \"users\", \"filter\": {\"name\": \"?\"}, \"limit\": \"?\", ")
        .endsWith(", \"$db\": \"?\"}")
        .doesNotContain("alice")));
    return expected;
  }

  private List<AttributeAssertion> attributes(String operation, String collection, String text) {
    return new ArrayList<>(Arrays.asList(
        equalTo(stringKey("db.system.name"), "mongodb"),
        equalTo(stringKey("db.namespace"), DATABASE),
        equalTo(stringKey("db.operation.name"), operation),
        equalTo(stringKey("db.collection.name"), collection),
        equalTo(stringKey("db.query.text"), text),
        equalTo(stringKey("server.address"), host),
        equalTo(longKey("server.port"), (long) port)));
  }

  private static void inRequest(Runnable work) {
    Span parent = VireoTelemetry.get().getTracer("test").spanBuilder("GET /items").setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      work.run();
    } finally {
      parent.end();
    }
  }

  private static Trace onlyTrace(int spans) {
    List<Trace> traces = AgentTesting.waitForSpans(spans).all();
    assertThat(traces).as("traces %s", traces).hasSize(1);
    Trace trace = traces.get(0);
    assertThat(trace.size()).as("spans in %s", trace).isEqualTo(spans);
    trace.span(0).hasName("GET /items").hasKind(SpanKind.SERVER);
    return trace;
  }
}
