package dev.vireo.instrumentation.kafka;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code messaging.kafka.message.key}: the record key when it is text a person can read — a String,
 * or bytes that are valid UTF-8 — without control characters. Binary keys are left out.
 */
final class PrintableKeys {

  private static final int MAX_BYTES = 1024;

  private PrintableKeys() {}

  static String of(Object key) {
    String text;
    if (key instanceof String) {
      text = (String) key;
    } else if (key instanceof byte[]) {
      text = utf8((byte[]) key);
    } else {
      return null;
    }
    return text != null && isPrintable(text) ? text : null;
  }

  private static String utf8(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return null;
    }
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException binary) {
      return null;
    }
  }

  private static boolean isPrintable(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
