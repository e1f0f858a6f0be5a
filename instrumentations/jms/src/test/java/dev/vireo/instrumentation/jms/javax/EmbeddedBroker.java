package dev.vireo.instrumentation.jms.javax;

import java.util.UUID;
import javax.jms.Connection;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;

/** An ActiveMQ classic broker inside the test JVM, reached over the in-VM transport; nothing on disk. */
final class EmbeddedBroker implements AutoCloseable {

  private final BrokerService broker;
  private final ActiveMQConnectionFactory factory;

  private EmbeddedBroker(BrokerService broker, ActiveMQConnectionFactory factory) {
    this.broker = broker;
    this.factory = factory;
  }

  static EmbeddedBroker start() throws Exception {
    String name = "vireo-" + UUID.randomUUID();
    BrokerService broker = new BrokerService();
    broker.setBrokerName(name);
    broker.setPersistent(false);
    broker.setUseJmx(false);
    broker.setUseShutdownHook(false);
    broker.start();
    broker.waitUntilStarted();
    return new EmbeddedBroker(broker, new ActiveMQConnectionFactory("vm://" + name + "?create=false"));
  }

  ActiveMQConnectionFactory factory() {
    return factory;
  }

  Connection connect() throws Exception {
    Connection connection = factory.createConnection();
    connection.start();
    return connection;
  }

  @Override
  public void close() throws Exception {
    broker.stop();
    broker.waitUntilStopped();
  }
}
