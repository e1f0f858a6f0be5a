package dev.vireo.tooling.exporter.stdout;

import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Writes whole lines to standard output: one write per line, so lines of concurrent exports never interleave. */
final class StdoutLines {

  private StdoutLines() {}

  static void print(String line) {
    byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    PrintStream out = System.out;
    out.write(bytes, 0, bytes.length);
    out.flush();
  }

  /** One OTLP export request as one line of JSON (the OTLP JSON file format). */
  static CompletableResultCode printJson(Marshaler request) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      request.writeJsonTo(buffer);
    } catch (IOException | RuntimeException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
    buffer.write('\n');
    PrintStream out = System.out;
    out.write(buffer.toByteArray(), 0, buffer.size());
    out.flush();
    return CompletableResultCode.ofSuccess();
  }
}
