package dev.vireo.instrumentation.grpc;

import com.google.protobuf.Int32Value;
import com.google.protobuf.StringValue;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.trace.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test service {@code demo.Inventory} defined without protoc (UTF-8 string messages, and protobuf's wrapper
 * messages for one method), recording
 * what the server side sees: the span current in handler callbacks and the propagation metadata.
 */
final class InventoryService {

  static final MethodDescriptor.Marshaller<String> UTF8 =
      new MethodDescriptor.Marshaller<String>() {
        @Override
        public InputStream stream(String value) {
          return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
          try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  static final MethodDescriptor<String, String> RESERVE = method("Reserve", MethodDescriptor.MethodType.UNARY);
  /** Fails with the status code given as the request. */
  static final MethodDescriptor<String, String> FAIL = method("Fail", MethodDescriptor.MethodType.UNARY);
  /** The handler throws. */
  static final MethodDescriptor<String, String> EXPLODE = method("Explode", MethodDescriptor.MethodType.UNARY);
  /** Never answers: returns once the call is cancelled and its deadline has passed. */
  static final MethodDescriptor<String, String> STALL = method("Stall", MethodDescriptor.MethodType.UNARY);
  /** Streams as many messages as the request says; "forever" sends one and waits for cancellation. */
  static final MethodDescriptor<String, String> WATCH =
      method("Watch", MethodDescriptor.MethodType.SERVER_STREAMING);
  /** Echoes every message; completes when the client does. */
  static final MethodDescriptor<String, String> CHAT = method("Chat", MethodDescriptor.MethodType.BIDI_STREAMING);
  /** Answers with the number of messages received. */
  static final MethodDescriptor<String, String> UPLOAD =
      method("Upload", MethodDescriptor.MethodType.CLIENT_STREAMING);

  /** Protobuf messages, which the size metrics can size: a {@code StringValue} in, its length as an {@code Int32Value} out. */
  static final MethodDescriptor<StringValue, Int32Value> MEASURE =
      MethodDescriptor.<StringValue, Int32Value>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName("demo.Inventory", "Measure"))
          .setRequestMarshaller(ProtoUtils.marshaller(StringValue.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(Int32Value.getDefaultInstance()))
          .build();

  static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

  /** Span ids current in the server's handler callbacks, in order. */
  final Queue<String> handlerSpanIds = new ConcurrentLinkedQueue<>();
  /** traceparent values as received, by method name. */
  final Map<String, List<String>> traceparents = new ConcurrentHashMap<>();
  final CountDownLatch cancelled = new CountDownLatch(1);

  private static MethodDescriptor<String, String> method(String name, MethodDescriptor.MethodType type) {
    return MethodDescriptor.<String, String>newBuilder()
        .setType(type)
        .setFullMethodName(MethodDescriptor.generateFullMethodName("demo.Inventory", name))
        .setRequestMarshaller(UTF8)
        .setResponseMarshaller(UTF8)
        .build();
  }

  ServerServiceDefinition definition() {
    ServerServiceDefinition service =
        ServerServiceDefinition.builder("demo.Inventory")
            .addMethod(
                RESERVE,
                ServerCalls.asyncUnaryCall(
                    (request, responses) -> {
                      recordSpan();
                      responses.onNext("reserved " + request);
                      responses.onCompleted();
                    }))
            .addMethod(
                FAIL,
                ServerCalls.asyncUnaryCall(
                    (request, responses) ->
                        responses.onError(
                            Status.fromCodeValue(Integer.parseInt(request))
                                .withDescription("failed on purpose")
                                .asRuntimeException())))
            .addMethod(
                EXPLODE,
                ServerCalls.<String, String>asyncUnaryCall(
                    (request, responses) -> {
                      throw new IllegalStateException("boom");
                    }))
            .addMethod(STALL, ServerCalls.<String, String>asyncUnaryCall((request, responses) -> stall()))
            .addMethod(
                WATCH,
                ServerCalls.asyncServerStreamingCall(
                    (request, responses) -> {
                      recordSpan();
                      if (request.equals("forever")) {
                        responses.onNext("update 0");
                        return; // the client cancels
                      }
                      for (int i = 0; i < Integer.parseInt(request); i++) {
                        responses.onNext("update " + i);
                      }
                      responses.onCompleted();
                    }))
            .addMethod(
                CHAT,
                ServerCalls.asyncBidiStreamingCall(
                    responses ->
                        new StreamObserver<String>() {
                          @Override
                          public void onNext(String message) {
                            recordSpan();
                            responses.onNext("echo " + message);
                          }

                          @Override
                          public void onError(Throwable t) {}

                          @Override
                          public void onCompleted() {
                            recordSpan();
                            responses.onCompleted();
                          }
                        }))
            .addMethod(
                MEASURE,
                ServerCalls.asyncUnaryCall(
                    (request, responses) -> {
                      responses.onNext(Int32Value.of(request.getValue().length()));
                      responses.onCompleted();
                    }))
            .addMethod(
                UPLOAD,
                ServerCalls.asyncClientStreamingCall(
                    responses ->
                        new StreamObserver<String>() {
                          private final List<String> received = new ArrayList<>();

                          @Override
                          public void onNext(String message) {
                            received.add(message);
                          }

                          @Override
                          public void onError(Throwable t) {}

                          @Override
                          public void onCompleted() {
                            recordSpan();
                            responses.onNext("received " + received.size());
                            responses.onCompleted();
                          }
                        }))
            .build();
    return ServerInterceptors.intercept(service, new TraceparentRecorder());
  }

  private void recordSpan() {
    handlerSpanIds.add(Span.current().getSpanContext().getSpanId());
  }

  /** Blocks the handler until the call is cancelled and its deadline (if any) has passed. */
  private void stall() {
    Context context = Context.current();
    CountDownLatch done = new CountDownLatch(1);
    context.addListener(c -> done.countDown(), Runnable::run);
    try {
      done.await(10, TimeUnit.SECONDS);
      Deadline deadline = context.getDeadline();
      while (deadline != null && !deadline.isExpired()) {
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    cancelled.countDown();
  }

  /** An application interceptor below the agent's: sees the metadata as the server received it. */
  private final class TraceparentRecorder implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      List<String> values = new ArrayList<>();
      Iterable<String> all = headers.getAll(TRACEPARENT);
      if (all != null) {
        all.forEach(values::add);
      }
      traceparents.put(call.getMethodDescriptor().getBareMethodName(), values);
      return next.startCall(call, headers);
    }
  }
}
