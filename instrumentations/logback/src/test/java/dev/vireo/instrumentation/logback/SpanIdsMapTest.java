package dev.vireo.instrumentation.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ids-only MDC map stands for the read-only hash map copy it replaces, in every way a reader can see. */
class SpanIdsMapTest {

  private static final SpanContext SPAN =
      SpanContext.create(
          "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault());

  private static Map<String, String> copy() {
    Map<String, String> copy = new HashMap<>(Collections.<String, String>emptyMap());
    copy.put("trace_id", "0af7651916cd43dd8448eb211c80319c");
    copy.put("span_id", "b7ad6b7169203331");
    copy.put("trace_flags", "01");
    return copy;
  }

  @Test
  void readsAsTheCopyOfAnEmptyMdcWithTheIds() {
    Map<String, String> ids = SpanMdc.withCurrentSpanContext(Collections.<String, String>emptyMap(), SPAN);

    assertThat(ids).isInstanceOf(SpanIdsMap.class).isEqualTo(copy()).hasSameHashCodeAs(copy());
    assertThat(ids.get("trace_id")).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(ids.get("span_id")).isEqualTo("b7ad6b7169203331");
    assertThat(ids.get("trace_flags")).isEqualTo("01");
    assertThat(ids.get("other")).isNull();
    assertThat(ids.containsKey("span_id")).isTrue();
    assertThat(ids.containsKey("other")).isFalse();
    assertThat(ids).hasSize(3);
    // a %X pattern without a key prints the entries in iteration order
    assertThat(new ArrayList<>(ids.keySet())).containsExactlyElementsOf(copy().keySet());
    assertThat(ids.toString()).isEqualTo(copy().toString());
  }

  @Test
  void isReadOnly() {
    Map<String, String> ids = SpanMdc.withCurrentSpanContext(Collections.<String, String>emptyMap(), SPAN);

    assertThatThrownBy(() -> ids.put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ids.remove("trace_id")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(ids::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThat(ids).hasSize(3);
  }

  @Test
  void isSerializedAsAReadOnlyHashMap() throws Exception {
    Map<String, String> ids = SpanMdc.withCurrentSpanContext(Collections.<String, String>emptyMap(), SPAN);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ids);
    }

    Object read;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = in.readObject();
    }

    assertThat(read.getClass()).isEqualTo(Collections.unmodifiableMap(new HashMap<>()).getClass());
    assertThat(read).isEqualTo(copy());
  }

  @Test
  void aNonEmptyMdcIsStillCopiedWithItsOwnEntries() {
    Map<String, String> ids = SpanMdc.withCurrentSpanContext(Collections.singletonMap("order_id", "42"), SPAN);

    assertThat(ids).isNotInstanceOf(SpanIdsMap.class).hasSize(4).containsEntry("order_id", "42");
    assertThat(ids).containsEntry("trace_id", "0af7651916cd43dd8448eb211c80319c");
  }
}
