package dev.vireo.instrumentation.mongodbreactivestreams;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The MongoDB reactive streams driver against an in-process server that speaks the MongoDB wire
 * protocol ({@code de.bwaldvogel:mongo-java-server}): no MongoDB server package exists on the
 * project's machines, and this is the closest real peer (the driver connects over TCP on loopback,
 * as to a mongod). The driver runs commands on its own threads: the spans must still be children
 * of the context the application subscribed in.
 */
@ExtendWith(AgentTestingExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoReactiveStreamsTest {

  private static final String DATABASE = "vireo_mongo_reactive_test";

  private MongoServer server;
  private int port;
  private MongoClient client;

  @BeforeAll
  void start() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    port = server.getLocalAddress().getPort();
    client = MongoClients.create("mongodb://127.0.0.1:" + port);
  }

  @AfterAll
  void stop() {
    client.close();
    server.shutdownNow();
  }

  @BeforeEach
  void emptyCollection() {
    Mono.from(client.getDatabase(DATABASE).getCollection("users").drop()).block();
    AgentTesting.clear();
  }

  @Test
  void commandsAreChildrenOfTheContextTheyWereSubscribedIn() {
    MongoCollection<Document> users = client.getDatabase(DATABASE).getCollection("users");
    inRequest(() -> {
      Mono.from(users.insertOne(new Document("_id", 2).append("name", "bob"))).block();
      assertThat(Flux.from(users.find(Filters.eq("_id", 2))).collectList().block()).hasSize(1);
    });

    Trace trace = onlyTrace(3);
    trace.span(1)
        .hasName("insert users")
        .hasKind(SpanKind.CLIENT)
        .hasParent(trace.get(0))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(attributes("insert",
            "{\"insert\": \"users\", \"ordered\": \"?\", \"$db\": \"?\", \"documents\": [{\"_id\": \"?\", \"name\": \"?\"}]}"));
    trace.span(2).hasName("find users").hasKind(SpanKind.CLIENT).hasParent(trace.get(0));
  }

  @Test
  void eachSubscriptionHasItsOwnParent() {
    MongoCollection<Document> users = client.getDatabase(DATABASE).getCollection("users");
    inRequest(() -> Mono.from(users.insertOne(new Document("_id", 3))).block());
    inRequest(() -> Mono.from(users.insertOne(new Document("_id", 4))).block());

    List<Trace> traces = AgentTesting.waitForTraces(2).all();
    for (Trace trace : traces) {
      assertThat(trace.size()).as("spans in %s", trace).isEqualTo(2);
      trace.span(0).hasName("GET /items");
      trace.span(1).hasName("insert users").hasParent(trace.get(0));
    }
  }

  private List<AttributeAssertion> attributes(String operation, String text) {
    return new ArrayList<>(Arrays.asList(
        equalTo(stringKey("db.system.name"), "mongodb"),
        equalTo(stringKey("db.namespace"), DATABASE),
        equalTo(stringKey("db.operation.name"), operation),
        equalTo(stringKey("db.collection.name"), "users"),
        equalTo(stringKey("db.query.text"), text),
        equalTo(stringKey("server.address"), "127.0.0.1"),
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
