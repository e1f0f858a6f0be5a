package dev.vireo.instrumentation.api.semconv.messaging;

import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Reads propagation headers from a message whose headers are an ordered list of key and byte value
 * that may repeat a key (Kafka's record headers): {@link #get} takes the last value (the one written
 * last), {@link #getAll} all of them in order; values are UTF-8. A module only names the library's
 * accessors ({@code ByteHeadersGetter.of(ConsumerRecord::headers, Header::key, Header::value)}), so
 * modules of one library share this logic instead of copying it.
 */
public final class ByteHeadersGetter<CARRIER, HEADER> implements TextMapGetter<CARRIER> {

  private final Function<? super CARRIER, ? extends Iterable<? extends HEADER>> listOf;
  private final Function<? super HEADER, String> keyOf;
  private final Function<? super HEADER, byte[]> valueOf;

  private ByteHeadersGetter(
      Function<? super CARRIER, ? extends Iterable<? extends HEADER>> headers,
      Function<? super HEADER, String> key,
      Function<? super HEADER, byte[]> value) {
    this.listOf = headers;
    this.keyOf = key;
    this.valueOf = value;
  }

  /**
   * {@code headers}: a message's headers in the order they were written (null: none); {@code key},
   * {@code value}: a header's key and value (the value may be null).
   */
  public static <CARRIER, HEADER> ByteHeadersGetter<CARRIER, HEADER> of(
      Function<? super CARRIER, ? extends Iterable<? extends HEADER>> headers,
      Function<? super HEADER, String> key,
      Function<? super HEADER, byte[]> value) {
    return new ByteHeadersGetter<>(headers, key, value);
  }

  @Override
  public Iterable<String> keys(CARRIER carrier) {
    Iterable<? extends HEADER> headers = headersOf(carrier);
    if (headers == null) {
      return Collections.emptyList();
    }
    List<String> keys = new ArrayList<>();
    for (HEADER header : headers) {
      keys.add(keyOf.apply(header));
    }
    return keys;
  }

  @Override
  public String get(CARRIER carrier, String key) {
    Iterable<? extends HEADER> headers = headersOf(carrier);
    if (headers == null || key == null) {
      return null;
    }
    HEADER last = null;
    for (HEADER header : headers) {
      if (key.equals(keyOf.apply(header))) {
        last = header;
      }
    }
    return last == null ? null : text(last);
  }

  @Override
  public Iterator<String> getAll(CARRIER carrier, String key) {
    Iterable<? extends HEADER> headers = headersOf(carrier);
    if (headers == null || key == null) {
      return Collections.<String>emptyList().iterator();
    }
    List<String> values = new ArrayList<>(1);
    for (HEADER header : headers) {
      if (key.equals(keyOf.apply(header))) {
        String value = text(header);
        if (value != null) {
          values.add(value);
        }
      }
    }
    return values.iterator();
  }

  private Iterable<? extends HEADER> headersOf(CARRIER carrier) {
    return carrier == null ? null : listOf.apply(carrier);
  }

  private String text(HEADER header) {
    byte[] bytes = valueOf.apply(header);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
