package dev.vireo.testapp.springkafka;

/**
 * The KRaft broker of the tests: in this JVM when the test runs the kafka-clients the broker was
 * built with; in a child JVM ({@link ForkedKafkaBroker}) when the test runs an older client (the
 * Spring Kafka 2.8 and 3.x modules set {@code vireo.test.brokerKafkaClients}).
 */
interface TestBroker extends AutoCloseable {

  String bootstrapServers();

  /** A broker with these topics (one partition each). */
  static TestBroker start(String... topics) throws Exception {
    if (System.getProperty("vireo.test.brokerKafkaClients") != null) {
      return ForkedKafkaBroker.start(topics);
    }
    KafkaTestBroker broker = KafkaTestBroker.start();
    try {
      for (String topic : topics) {
        broker.createTopic(topic, 1);
      }
    } catch (Exception e) {
      broker.close();
      throw e;
    }
    return broker;
  }
}
