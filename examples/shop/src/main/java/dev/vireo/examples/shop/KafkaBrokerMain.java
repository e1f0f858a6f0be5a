package dev.vireo.examples.shop;

import dev.vireo.examples.shop.kafka.InProcessKafkaBroker;
import dev.vireo.examples.shop.notifier.Notifier;

/**
 * Runs a single-node KRaft Kafka broker in its own JVM and creates topic {@code order-placed}.
 *
 * <p>Prints {@code READY kafka bootstrap=127.0.0.1:<port>}. Takes no settings: the port is chosen by the OS.
 */
public final class KafkaBrokerMain {

  private KafkaBrokerMain() {}

  public static void main(String[] args) throws Exception {
    ShopOptions.parse(args);
    InProcessKafkaBroker broker = InProcessKafkaBroker.start();
    broker.createTopic(Notifier.TOPIC);
    ReadyLine.announce("kafka", "bootstrap", broker.bootstrapServers());
    ServiceLifecycle.runUntilShutdown("kafka", broker);
  }
}
