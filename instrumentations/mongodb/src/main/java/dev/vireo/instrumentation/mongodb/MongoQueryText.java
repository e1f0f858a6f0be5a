package dev.vireo.instrumentation.mongodb;

import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * A MongoDB command as {@code db.query.text}: its JSON, at most {@link #MAX_LENGTH} characters (the
 * OpenTelemetry agent's bound). Sanitized, every value becomes {@code "?"} and only the structure
 * (keys, nesting, array lengths) remains, except the value of the first key when it is a string:
 * the command's target collection ({@code {"find": "users", "filter": {"name": "?"}}}).
 */
final class MongoQueryText {

  static final int MAX_LENGTH = 32 * 1024;

  private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

  private MongoQueryText() {}

  static String of(BsonDocument command, boolean sanitize) {
    if (command == null) {
      return null;
    }
    if (!sanitize) {
      String json = command.toJson(RELAXED);
      return json.length() > MAX_LENGTH ? json.substring(0, MAX_LENGTH) : json;
    }
    StringBuilder text = new StringBuilder();
    writeDocument(text, command, true);
    return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text.toString();
  }

  private static void writeDocument(StringBuilder text, BsonDocument document, boolean top) {
    text.append('{');
    boolean first = true;
    for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
      if (text.length() > MAX_LENGTH) {
        return;
      }
      if (!first) {
        text.append(", ");
      }
      writeString(text, entry.getKey());
      text.append(": ");
      BsonValue value = entry.getValue();
      if (top && first && value.isString()) {
        writeString(text, value.asString().getValue());
      } else {
        writeValue(text, value);
      }
      first = false;
    }
    text.append('}');
  }

  private static void writeValue(StringBuilder text, BsonValue value) {
    if (value.isDocument()) {
      writeDocument(text, value.asDocument(), false);
    } else if (value.isArray()) {
      BsonArray array = value.asArray();
      text.append('[');
      for (int i = 0; i < array.size() && text.length() <= MAX_LENGTH; i++) {
        if (i > 0) {
          text.append(", ");
        }
        writeValue(text, array.get(i));
      }
      text.append(']');
    } else {
      text.append("\"?\"");
    }
  }

  private static void writeString(StringBuilder text, String value) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          text.append("\\\"");
          break;
        case '\\':
          text.append("\\\\");
          break;
        case '\n':
          text.append("\\n");
          break;
        case '\r':
          text.append("\\r");
          break;
        case '\t':
          text.append("\\t");
          break;
        default:
          if (c < 0x20) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
      }
    }
    text.append('"');
  }
}
