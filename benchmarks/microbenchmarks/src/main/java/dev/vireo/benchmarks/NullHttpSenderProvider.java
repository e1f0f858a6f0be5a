/*
 * Copyright The Vireo Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.vireo.benchmarks;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The OTLP http exporters' transport, replaced by a sink: the exporter's request body (its real protobuf
 * marshalling, the bytes that would go on the wire) is written to an {@link OutputStream} that keeps only a count,
 * and every request is answered 200 at once. Chosen in a JVM through the SDK's own switch, the system property
 * {@value #SELECTOR} (the OkHttp sender is on the class path too).
 */
public final class NullHttpSenderProvider implements HttpSenderProvider {

  /** The SDK's property that picks one {@link HttpSenderProvider} when several are on the class path. */
  public static final String SELECTOR = "io.opentelemetry.sdk.common.export.HttpSenderProvider";

  private static final AtomicLong BYTES = new AtomicLong();
  private static final AtomicLong REQUESTS = new AtomicLong();

  /** Bytes the exporters have written since the JVM started. */
  public static long bytes() {
    return BYTES.get();
  }

  /** Requests the exporters have sent since the JVM started. */
  public static long requests() {
    return REQUESTS.get();
  }

  @Override
  public HttpSender createSender(HttpSenderConfig config) {
    return new NullSender();
  }

  private static final class NullSender implements HttpSender {
    private final CountingSink sink = new CountingSink();

    @Override
    public synchronized void send(MessageWriter writer, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
      try {
        writer.getContentLength(); // what a real sender asks for its Content-Length header
        writer.writeMessage(sink);
        BYTES.addAndGet(sink.drain());
        REQUESTS.incrementAndGet();
        onResponse.accept(Ok.INSTANCE);
      } catch (IOException | RuntimeException e) {
        onError.accept(e);
      }
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** Discards what it is given; one per sender, written under the sender's lock. */
  private static final class CountingSink extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }

    long drain() {
      long written = count;
      count = 0;
      return written;
    }
  }

  private static final class Ok implements HttpResponse {
    static final Ok INSTANCE = new Ok();
    private static final byte[] EMPTY = new byte[0];

    @Override
    public int getStatusCode() {
      return 200;
    }

    @Override
    public String getStatusMessage() {
      return "OK";
    }

    @Override
    public byte[] getResponseBody() {
      return EMPTY;
    }
  }
}
