package dev.vireo.examples.shop.kafka;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft Kafka broker (combined broker + controller) running inside this JVM, built with Kafka's own
 * test kit, so the shop needs no external Kafka installation.
 */
public final class InProcessKafkaBroker implements AutoCloseable {

  private final KafkaClusterTestKit cluster;

  private InProcessKafkaBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /** Formats storage in a temporary directory, starts the node and waits until the broker serves requests. */
  public static InProcessKafkaBroker start() throws Exception {
    TestKitNodes nodes = new TestKitNodes.Builder()
        .setCombined(true)
        .setNumBrokerNodes(1)
        .setNumControllerNodes(1)
        // The test kit defaults to the newest, possibly unreleased metadata version; run what a real broker runs.
        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
        // Our own directory: the kit's default one is deleted by a shutdown hook that races the broker's own
        // shutdown on SIGTERM. The kit deletes this one in close().
        .setBaseDirectory(Files.createTempDirectory("shop-kafka"))
        .build();
    KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
        // One node: internal topics must not ask for more replicas than exist.
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        // Let a lone consumer join its group at once instead of waiting 3 s for others.
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("auto.create.topics.enable", "true")
        .build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return new InProcessKafkaBroker(cluster);
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Creates the topic with one partition, unless it already exists. */
  public void createTopic(String name) throws Exception {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(config)) {
      try {
        admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(Map.of())))
            .all().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
