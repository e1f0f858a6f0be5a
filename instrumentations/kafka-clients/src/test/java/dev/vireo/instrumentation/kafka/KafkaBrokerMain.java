package dev.vireo.instrumentation.kafka;

import java.io.InputStream;

/**
 * Runs a {@link KafkaTestBroker} in its own JVM, for tests whose JVM holds an older kafka-clients
 * than the broker needs. Arguments: topics as {@code name:partitions}. Prints
 * {@code bootstrap=<servers>} when ready and stops when its standard input closes.
 */
public final class KafkaBrokerMain {

  private KafkaBrokerMain() {}

  public static void main(String[] args) throws Exception {
    try (KafkaTestBroker broker = KafkaTestBroker.start()) {
      for (String topic : args) {
        int colon = topic.lastIndexOf(':');
        broker.createTopic(topic.substring(0, colon), Integer.parseInt(topic.substring(colon + 1)));
      }
      System.out.println("bootstrap=" + broker.bootstrapServers());
      System.out.flush();
      InputStream in = System.in;
      while (in.read() >= 0) {
        // the parent holds our stdin open while it needs the broker
      }
    }
    System.exit(0);
  }
}
