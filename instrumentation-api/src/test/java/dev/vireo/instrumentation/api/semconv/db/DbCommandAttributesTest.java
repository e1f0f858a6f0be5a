package dev.vireo.instrumentation.api.semconv.db;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The conventions for a system of commands (not SQL): names from the client, the batch rule, the older keys. */
class DbCommandAttributesTest {

  /** One or several commands of a system, as a client module would hand them over. */
  static final class Command {
    final String system;
    final String namespace;
    final String operation;
    final String collection;
    final Collection<String> texts;
    final Long batchSize;
    Integer port = 1234;
    String peerAddress;
    String batchName;

    Command(String system, String namespace, String operation, String collection, Long batchSize, String... texts) {
      this.system = system;
      this.namespace = namespace;
      this.operation = operation;
      this.collection = collection;
      this.texts = Arrays.asList(texts);
      this.batchSize = batchSize;
    }
  }

  static final class Getter implements DbCommandAttributesGetter<Command, Void> {
    @Override public String dbSystemName(Command c) { return c.system; }
    @Override public String dbNamespace(Command c) { return c.namespace; }
    @Override public String operationName(Command c) { return c.operation; }
    @Override public String collectionName(Command c) { return c.collection; }
    @Override public Collection<String> queryTexts(Command c, boolean sanitize) {
      return sanitize ? c.texts : Collections.singletonList("unsanitized");
    }
    @Override public Long batchSize(Command c) { return c.batchSize; }
    @Override public String batchName(Command c) { return c.batchName != null ? c.batchName : DbBatchNames.BATCH; }
    @Override public String serverAddress(Command c) { return "db.example"; }
    @Override public Integer serverPort(Command c) { return c.port; }
    @Override public String networkPeerAddress(Command c, Void r) { return c.peerAddress; }
    @Override public Integer networkPeerPort(Command c, Void r) { return 6379; }
    @Override public String responseStatusCode(Command c, Void r, Throwable e) { return null; }
  }

  private static final Getter GETTER = new Getter();

  private static Attributes start(Command command, boolean emitOld) {
    DbOperationQuery<Command> queries = new DbOperationQuery<>(GETTER, true, true);
    AttributesBuilder attributes = Attributes.builder();
    new DbClientAttributes<>(GETTER, queries, emitOld).onStart(attributes, Context.root(), command);
    return attributes.build();
  }

  private static String spanName(Command command) {
    DbOperationQuery<Command> queries = new DbOperationQuery<>(GETTER, true, true);
    return new DbSpanNames<>(GETTER, queries).extract(command, start(command, false));
  }

  @Test
  void aRedisCommandIsNamedByTheClientAndItsServerNotItsDatabase() {
    Command get = new Command("redis", "0", "GET", null, null, "GET k");

    assertThat(start(get, false)).isEqualTo(Attributes.builder()
        .put("db.system.name", "redis")
        .put("db.namespace", "0")
        .put("db.query.text", "GET k")
        .put("db.operation.name", "GET")
        .put("server.address", "db.example")
        .put("server.port", 1234L)
        .build());
    assertThat(spanName(get)).isEqualTo("GET db.example:1234");
  }

  @Test
  void theSystemsUsualPortIsWrittenNeitherAsAttributeNorInTheName() {
    Command get = new Command("redis", "0", "GET", null, null, "GET k");
    get.port = 6379;
    Command ping = new Command("mongodb", "shop", "ping", null, null, "{\"ping\": 1}");
    ping.port = 27017;

    assertThat(start(get, false).get(stringKey("server.address"))).isEqualTo("db.example");
    assertThat(start(get, false).get(longKey("server.port"))).isNull();
    assertThat(spanName(get)).isEqualTo("GET db.example");
    assertThat(start(ping, false).get(longKey("server.port"))).isNull();
    assertThat(spanName(ping)).isEqualTo("ping shop");
  }

  @Test
  void theNetworkPeerIsAnEndAttributeWrittenWhenKnown() {
    Command get = new Command("redis", "0", "GET", null, null, "GET k");
    assertThat(end(get)).isEqualTo(Attributes.empty());

    get.peerAddress = "10.0.0.7";
    assertThat(end(get)).isEqualTo(Attributes.builder()
        .put("network.peer.address", "10.0.0.7")
        .put("network.peer.port", 6379L)
        .build());
  }

  private static Attributes end(Command command) {
    DbOperationQuery<Command> queries = new DbOperationQuery<>(GETTER, true, true);
    AttributesBuilder attributes = Attributes.builder();
    new DbClientAttributes<>(GETTER, queries, false).onEnd(attributes, Context.root(), command, null, null);
    return attributes.build();
  }

  @Test
  void aBatchJoinsItsTextsAndFollowsTheBatchRule() {
    Command same = new Command("redis", "0", "SET", null, 2L, "SET a ?", "SET b ?");
    Command mixed = new Command("redis", "0", null, null, 2L, "SET a ?", "GET a");

    assertThat(start(same, false).get(stringKey("db.operation.name"))).isEqualTo("BATCH SET");
    assertThat(start(same, false).get(stringKey("db.query.text"))).isEqualTo("SET a ?; SET b ?");
    assertThat(start(same, false).get(longKey("db.operation.batch.size"))).isEqualTo(2L);
    assertThat(spanName(mixed)).isEqualTo("BATCH db.example:1234");
  }

  @Test
  void aSystemsOwnTermForABatchTakesBatchsPlace() {
    Command pipeline = new Command("redis", "0", "INCR", null, 2L, "INCR a", "INCR b");
    pipeline.batchName = "PIPELINE";
    Command transaction = new Command("redis", "0", null, null, 2L, "INCR a", "GET a");
    transaction.batchName = "MULTI";

    assertThat(start(pipeline, false).get(stringKey("db.operation.name"))).isEqualTo("PIPELINE INCR");
    assertThat(spanName(pipeline)).isEqualTo("PIPELINE INCR db.example:1234");
    assertThat(start(transaction, false).get(stringKey("db.operation.name"))).isEqualTo("MULTI");
  }

  @Test
  void aMongoCommandIsNamedByItsCollection() {
    Command find = new Command("mongodb", "shop", "find", "orders", null, "{\"find\": \"orders\"}");

    assertThat(start(find, false).get(stringKey("db.collection.name"))).isEqualTo("orders");
    assertThat(spanName(find)).isEqualTo("find orders");
  }

  @Test
  void theOlderKeysOfRedisAndMongo() {
    Attributes redis = start(new Command("redis", "3", "GET", null, null, "GET k"), true);
    assertThat(redis.get(stringKey("db.system"))).isEqualTo("redis");
    assertThat(redis.get(longKey("db.redis.database_index"))).isEqualTo(3L);
    assertThat(redis.get(stringKey("db.name"))).isNull();
    assertThat(redis.get(stringKey("db.statement"))).isEqualTo("GET k");
    assertThat(redis.get(stringKey("db.operation"))).isEqualTo("GET");

    Attributes mongo = start(new Command("mongodb", "shop", "find", "orders", null, "{}"), true);
    assertThat(mongo.get(stringKey("db.name"))).isEqualTo("shop");
    assertThat(mongo.get(stringKey("db.mongodb.collection"))).isEqualTo("orders");
    assertThat(mongo.get(stringKey("db.sql.table"))).isNull();
    assertThat(mongo.get(stringKey("db.operation"))).isEqualTo("find");
  }

  @Test
  void unsanitizedTextsComeFromTheGetterAsWritten() {
    DbOperationQuery<Command> queries = new DbOperationQuery<>(GETTER, false, false);
    AttributesBuilder attributes = Attributes.builder();
    new DbClientAttributes<>(GETTER, queries, false)
        .onStart(attributes, Context.root(), new Command("redis", "0", "AUTH", null, null, "AUTH ?"));
    assertThat(attributes.build().get(stringKey("db.query.text"))).isEqualTo("unsanitized");
  }
}
