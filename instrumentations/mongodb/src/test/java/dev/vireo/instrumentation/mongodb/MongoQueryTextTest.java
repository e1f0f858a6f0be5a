package dev.vireo.instrumentation.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class MongoQueryTextTest {

  @Test
  void everyValueIsHiddenButTheFirstKeysString() {
    BsonDocument command = new BsonDocument("update", new BsonString("users"))
        .append("name", new BsonString("alice"))
        .append("updates", new BsonArray(Arrays.asList(
            new BsonDocument("q", new BsonDocument("age", new BsonInt32(42))),
            new BsonString("x"))));

    assertThat(MongoQueryText.of(command, true))
        .isEqualTo("{\"update\": \"users\", \"name\": \"?\", \"updates\": [{\"q\": {\"age\": \"?\"}}, \"?\"]}");
  }

  @Test
  void aFirstValueThatIsNoStringIsHidden() {
    assertThat(MongoQueryText.of(new BsonDocument("ping", new BsonInt32(1)), true)).isEqualTo("{\"ping\": \"?\"}");
  }

  @Test
  void keysAreEscaped() {
    assertThat(MongoQueryText.of(new BsonDocument("find", new BsonString("a\"b")), true))
        .isEqualTo("{\"find\": \"a\\\"b\"}");
  }

  @Test
  void withoutSanitizationTheValuesStay() {
    assertThat(MongoQueryText.of(new BsonDocument("find", new BsonString("users"))
            .append("filter", new BsonDocument("age", new BsonInt32(42))), false))
        .isEqualTo("{\"find\": \"users\", \"filter\": {\"age\": 42}}");
  }

  @Test
  void theTextIsBoundedAt32KiB() {
    BsonArray many = new BsonArray();
    for (int i = 0; i < 10_000; i++) {
      many.add(new BsonInt32(i));
    }
    BsonDocument command = new BsonDocument("insert", new BsonString("users")).append("documents", many);

    assertThat(MongoQueryText.of(command, true)).hasSize(32 * 1024).startsWith("{\"insert\": \"users\", \"documents\": [\"?\", ");
    assertThat(MongoQueryText.of(command, false)).hasSize(32 * 1024);
  }
}
