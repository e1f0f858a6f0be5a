package dev.vireo.testapp.springkafka;

import java.io.InputStream;

/**
 * Runs a {@link KafkaTestBroker} in its own JVM ({@link ForkedKafkaBroker}). Arguments: topic
 * names (one partition each). Prints {@code bootstrap=<servers>} when ready and stops when its
 * standard input closes.
 */
public final class KafkaBrokerMain {

  private KafkaBrokerMain() {}

  public static void main(String[] args) throws Exception {
    try (KafkaTestBroker broker = KafkaTestBroker.start()) {
      for (String topic : args) {
        broker.createTopic(topic, 1);
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
