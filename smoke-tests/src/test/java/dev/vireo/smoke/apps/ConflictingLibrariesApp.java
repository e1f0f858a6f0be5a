package dev.vireo.smoke.apps;

import java.net.HttpURLConnection;
import java.net.URL;

/**
 * An application that brings its own versions of libraries the agent also uses (Byte Buddy,
 * OkHttp + Kotlin + Okio, protobuf, gRPC, the OpenTelemetry API) and uses each of them, then makes an
 * HTTP call the agent traces. Compiled against nothing but the JDK: the libraries are used through
 * reflection so the test class path does not pin their versions.
 */
public final class ConflictingLibrariesApp {

  public static void main(String[] args) throws Exception {
    // Byte Buddy: create a class at run time with the application's Byte Buddy.
    Object byteBuddy = Class.forName("net.bytebuddy.ByteBuddy").getConstructor().newInstance();
    Object builder = byteBuddy.getClass().getMethod("subclass", Class.class).invoke(byteBuddy, Object.class);
    Object unloaded = builder.getClass().getMethod("make").invoke(builder);
    Object loaded =
        unloaded.getClass()
            .getMethod("load", ClassLoader.class)
            .invoke(unloaded, ConflictingLibrariesApp.class.getClassLoader());
    Class<?> created = (Class<?>) loaded.getClass().getMethod("getLoaded").invoke(loaded);
    System.out.println("bytebuddy " + version("net.bytebuddy.ByteBuddy") + " created " + (created != null));

    // Kotlin + OkHttp: build a request (OkHttp 4 is written in Kotlin).
    Object requestBuilder = Class.forName("okhttp3.Request$Builder").getConstructor().newInstance();
    requestBuilder.getClass().getMethod("url", String.class).invoke(requestBuilder, args[0]);
    Object request = requestBuilder.getClass().getMethod("build").invoke(requestBuilder);
    System.out.println("okhttp request " + request.getClass().getMethod("method").invoke(request));
    Object pair = Class.forName("kotlin.TuplesKt").getMethod("to", Object.class, Object.class).invoke(null, "a", "b");
    System.out.println("kotlin pair " + pair);

    // protobuf and gRPC.
    Object value =
        Class.forName("com.google.protobuf.StringValue").getMethod("of", String.class).invoke(null, "hello");
    System.out.println("protobuf " + value.getClass().getMethod("getValue").invoke(value));
    Object metadata = Class.forName("io.grpc.Metadata").getConstructor().newInstance();
    System.out.println("grpc metadata " + metadata.getClass().getSimpleName());

    // The application's own OpenTelemetry API (no SDK), bridged to the agent: a manual span that parents the
    // agent's HTTP client span.
    Object openTelemetry = Class.forName("io.opentelemetry.api.GlobalOpenTelemetry").getMethod("get").invoke(null);
    Object tracer =
        openTelemetry.getClass().getMethod("getTracer", String.class).invoke(openTelemetry, "app");
    System.out.println("otel api tracer " + (tracer != null));
    Object spanBuilder =
        Class.forName("io.opentelemetry.api.trace.Tracer").getMethod("spanBuilder", String.class).invoke(tracer, "conflicts-manual");
    Class<?> spanType = Class.forName("io.opentelemetry.api.trace.Span");
    Object span = Class.forName("io.opentelemetry.api.trace.SpanBuilder").getMethod("startSpan").invoke(spanBuilder);
    spanType.getMethod("setAttribute", String.class, String.class).invoke(span, "app.attribute", "conflicts");
    AutoCloseable scope = (AutoCloseable) Class.forName("io.opentelemetry.context.ImplicitContextKeyed").getMethod("makeCurrent").invoke(span);
    try {
      HttpURLConnection connection = (HttpURLConnection) new URL(args[0]).openConnection();
      System.out.println("STATUS " + connection.getResponseCode());
    } finally {
      scope.close();
      spanType.getMethod("end").invoke(span);
    }
    System.out.println("DONE");
  }

  /** The jar a class came from: proves the application's own copy is the one in use. */
  private static String version(String className) throws ClassNotFoundException {
    String location = Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath();
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
