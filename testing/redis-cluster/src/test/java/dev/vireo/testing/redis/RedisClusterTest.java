package dev.vireo.testing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisClusterTest {

  @RegisterExtension
  static final RedisCluster CLUSTER = new RedisCluster();

  @Test
  void threeMastersShareAllSlotsAndAgreeWithTheSlotFunction() {
    assertThat(CLUSTER.ports()).hasSize(3).doesNotHaveDuplicates();
    for (String key : new String[] {"a", "vireo:key", "{user1000}.following", "foo{}{bar}", "x{}"}) {
      assertThat(Integer.parseInt(CLUSTER.cli(CLUSTER.ports().get(0), "CLUSTER", "KEYSLOT", key).trim()))
          .as(key)
          .isEqualTo(ClusterSlots.slot(key));
    }
    for (int port : CLUSTER.ports()) {
      String key = CLUSTER.keyServedBy(port, "vireo:fixture:");
      assertThat(CLUSTER.portServing(key)).isEqualTo(port);
      assertThat(CLUSTER.cli(port, "SET", key, "v").trim()).isEqualTo("OK");
      assertThat(CLUSTER.cli(port, "CLUSTER", "COUNTKEYSINSLOT", Integer.toString(ClusterSlots.slot(key))).trim())
          .isEqualTo("1");
    }
  }

  @Test
  void aMovedSlotIsAnsweredMovedByItsFormerOwner() {
    int from = CLUSTER.ports().get(0);
    int to = CLUSTER.ports().get(1);
    String key = CLUSTER.keyServedBy(from, "vireo:moving:");

    CLUSTER.moveSlotOf(key, to);

    assertThat(CLUSTER.portServing(key)).isEqualTo(to);
    assertThat(CLUSTER.cli(from, "GET", key).trim())
        .isEqualTo("MOVED " + ClusterSlots.slot(key) + " 127.0.0.1:" + to);
    assertThat(CLUSTER.cli(to, "SET", key, "here").trim()).isEqualTo("OK");
  }
}
