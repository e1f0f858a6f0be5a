package dev.vireo.testapp.springkafka;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** The application's listeners: each does JDBC work for what it receives, then reports it. */
public class Listeners {

  static final String RECORD_TOPIC = "vireo-spring-kafka-record";
  static final String BATCH_TOPIC = "vireo-spring-kafka-batch";

  final BlockingQueue<String> handledRecords = new LinkedBlockingQueue<>();
  final BlockingQueue<Integer> handledBatches = new LinkedBlockingQueue<>();

  @KafkaListener(id = "vireo-spring-kafka-record", topics = RECORD_TOPIC, containerFactory = "recordFactory")
  public void onRecord(ConsumerRecord<String, String> record) throws Exception {
    query();
    handledRecords.add(record.value());
  }

  @KafkaListener(
      id = "vireo-spring-kafka-batch",
      topics = BATCH_TOPIC,
      containerFactory = "batchFactory",
      autoStartup = "false")
  public void onBatch(List<ConsumerRecord<String, String>> records) throws Exception {
    query();
    handledBatches.add(records.size());
  }

  private static void query() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:vireo_spring_kafka");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 1")) {
      result.next();
    }
  }
}
