package dev.vireo.instrumentation.springkafka;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads propagation headers from a consumed record. Kafka headers may repeat a key: {@link #get}
 * takes the last value (the one written last), {@link #getAll} all of them in order.
 */
enum RecordHeaders implements TextMapGetter<ConsumerRecord<?, ?>> {
  INSTANCE;

  @Override
  public Iterable<String> keys(ConsumerRecord<?, ?> record) {
    Headers headers = headersOf(record);
    if (headers == null) {
      return Collections.emptyList();
    }
    List<String> keys = new ArrayList<>();
    for (Header header : headers) {
      keys.add(header.key());
    }
    return keys;
  }

  @Override
  public String get(ConsumerRecord<?, ?> record, String key) {
    Headers headers = headersOf(record);
    if (headers == null) {
      return null;
    }
    Header header = headers.lastHeader(key);
    return header == null ? null : text(header);
  }

  @Override
  public Iterator<String> getAll(ConsumerRecord<?, ?> record, String key) {
    Headers headers = headersOf(record);
    if (headers == null) {
      return Collections.<String>emptyList().iterator();
    }
    List<String> values = new ArrayList<>(1);
    for (Header header : headers.headers(key)) {
      String value = text(header);
      if (value != null) {
        values.add(value);
      }
    }
    return values.iterator();
  }

  private static Headers headersOf(ConsumerRecord<?, ?> record) {
    return record == null ? null : record.headers();
  }

  private static String text(Header header) {
    byte[] value = header.value();
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }
}
