package dev.vireo.instrumentation.api.semconv.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandBatchTest {

  @Test
  void aBatchKnowsTheCommandItsCommandsShareAndCountsEveryOne() {
    CommandBatch<String> same = new CommandBatch<>("PIPELINE");
    same.add("INCR a", "INCR");
    same.add("INCR b", "INCR");
    CommandBatch<String> mixed = new CommandBatch<>("MULTI");
    mixed.add("INCR a", "INCR");
    mixed.add("GET a", "GET");
    mixed.add("INCR b", "INCR");

    assertThat(same.name()).isEqualTo("PIPELINE");
    assertThat(same.sharedName()).isEqualTo("INCR");
    assertThat(same.batchSize()).isEqualTo(2L);
    assertThat(mixed.sharedName()).isNull();
    assertThat(mixed.batchSize()).isEqualTo(3L);
    assertThat(mixed.commands()).containsExactly("INCR a", "GET a", "INCR b");
  }

  @Test
  void aBatchOfOneIsNotABatchAndAnEmptyOneIsEmpty() {
    CommandBatch<String> batch = new CommandBatch<>("PIPELINE");
    assertThat(batch.isEmpty()).isTrue();
    batch.add("GET a", "GET");
    assertThat(batch.isEmpty()).isFalse();
    assertThat(batch.batchSize()).isNull();
    assertThat(batch.sharedName()).isEqualTo("GET");
  }

  @Test
  void onlyTheFirstCommandsAreKeptForTheTextButAllAreCounted() {
    CommandBatch<Integer> batch = new CommandBatch<>("PIPELINE");
    for (int i = 0; i < CommandBatch.MAX_KEPT + 10; i++) {
      batch.add(i, "SET");
    }
    assertThat(batch.commands()).hasSize(CommandBatch.MAX_KEPT);
    assertThat(batch.batchSize()).isEqualTo(CommandBatch.MAX_KEPT + 10L);
  }
}
