package dev.vireo.tooling.exporter;

/**
 * Text that came from the network (a collector's status message, an exception quoting a response) made safe
 * for a log line or an MBean attribute: control and other non-printable characters are escaped ({@code \r},
 * {@code \u0008}), so a garbage response cannot rewrite the terminal or forge log lines, and the length is
 * capped so a large body cannot flood the log.
 */
final class PrintableText {

  static final int MAX_LENGTH = 300;

  private PrintableText() {}

  static String of(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    int limit = Math.min(text.length(), MAX_LENGTH);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      String escape = escape(c);
      if (escape != null && out == null) {
        out = new StringBuilder(limit + 16).append(text, 0, i);
      }
      if (out != null) {
        if (escape != null) {
          out.append(escape);
        } else {
          out.append(c);
        }
      }
    }
    if (out == null && text.length() <= MAX_LENGTH) {
      return text;
    }
    if (out == null) {
      out = new StringBuilder(text.substring(0, limit));
    }
    if (text.length() > MAX_LENGTH) {
      out.append("... (").append(text.length() - MAX_LENGTH).append(" more characters)");
    }
    return out.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '\r':
        return "\\r";
      case '\n':
        return "\\n";
      case '\t':
        return "\\t";
      case '\\':
        return null;
      default:
        break;
    }
    if (Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT
        || Character.getType(c) == Character.LINE_SEPARATOR
        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
        || Character.getType(c) == Character.UNASSIGNED
        || Character.isSurrogate(c)) {
      return String.format("\\u%04x", (int) c);
    }
    return null;
  }
}
