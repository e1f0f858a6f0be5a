package dev.vireo.testing.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flattens OTLP protobuf spans into {@link ReceivedSpan}s. */
final class ProtoSpans {

  private static final HexFormat HEX = HexFormat.of();

  private ProtoSpans() {}

  static List<ReceivedSpan> flatten(ExportTraceServiceRequest request, Protocol protocol) {
    List<ReceivedSpan> result = new ArrayList<>();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      Map<String, Object> resource = attributes(resourceSpans.getResource().getAttributesList());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        String scopeName = scopeSpans.getScope().getName();
        String scopeVersion = scopeSpans.getScope().getVersion();
        for (Span span : scopeSpans.getSpansList()) {
          result.add(toReceived(span, resource, scopeName, scopeVersion, protocol));
        }
      }
    }
    return result;
  }

  private static ReceivedSpan toReceived(
      Span span, Map<String, Object> resource, String scopeName, String scopeVersion, Protocol protocol) {
    List<ReceivedEvent> events = new ArrayList<>(span.getEventsCount());
    for (Span.Event event : span.getEventsList()) {
      events.add(new ReceivedEvent(event.getName(), event.getTimeUnixNano(), attributes(event.getAttributesList())));
    }
    List<ReceivedLink> links = new ArrayList<>(span.getLinksCount());
    for (Span.Link link : span.getLinksList()) {
      links.add(new ReceivedLink(hex(link.getTraceId()), hex(link.getSpanId()), attributes(link.getAttributesList())));
    }
    return new ReceivedSpan(
        hex(span.getTraceId()),
        hex(span.getSpanId()),
        hex(span.getParentSpanId()),
        span.getName(),
        stripPrefix(span.getKind().name(), "SPAN_KIND_"),
        stripPrefix(span.getStatus().getCode().name(), "STATUS_CODE_"),
        span.getStatus().getMessage(),
        attributes(span.getAttributesList()),
        List.copyOf(events),
        List.copyOf(links),
        resource,
        scopeName,
        scopeVersion,
        span.getStartTimeUnixNano(),
        span.getEndTimeUnixNano(),
        protocol);
  }

  static Map<String, Object> attributes(List<KeyValue> keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (KeyValue keyValue : keyValues) {
      map.put(keyValue.getKey(), value(keyValue.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  private static Object value(AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return value.getStringValue();
      case BOOL_VALUE:
        return value.getBoolValue();
      case INT_VALUE:
        return value.getIntValue();
      case DOUBLE_VALUE:
        return value.getDoubleValue();
      case BYTES_VALUE:
        return value.getBytesValue().toByteArray();
      case ARRAY_VALUE:
        List<Object> list = new ArrayList<>();
        for (AnyValue element : value.getArrayValue().getValuesList()) {
          list.add(value(element));
        }
        return Collections.unmodifiableList(list);
      case KVLIST_VALUE:
        return attributes(value.getKvlistValue().getValuesList());
      default:
        // VALUE_NOT_SET (an empty AnyValue): keep the key visible rather than dropping it.
        return "";
    }
  }

  private static String hex(ByteString bytes) {
    return bytes.isEmpty() ? "" : HEX.formatHex(bytes.toByteArray());
  }

  private static String stripPrefix(String name, String prefix) {
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }
}
