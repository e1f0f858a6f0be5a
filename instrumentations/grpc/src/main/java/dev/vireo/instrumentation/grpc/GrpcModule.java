package dev.vireo.instrumentation.grpc;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT and SERVER spans for grpc-java. Every transport's channel and server builder (Netty,
 * Netty-shaded, OkHttp, in-process, ...) forwards to grpc-core's {@code ManagedChannelImplBuilder}
 * and {@code ServerImplBuilder}, so hooking their {@code build()} reaches every channel and server
 * with one interceptor each, added once per builder.
 */
public final class GrpcModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "grpc";

  private static final String PACKAGE = "dev.vireo.instrumentation.grpc.";
  private static final ElementMatcher.Junction<MethodDescription> BUILD =
      named("build").and(takesArguments(0)).and(isPublic());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("io.grpc.ClientInterceptor", "io.grpc.ServerInterceptor");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        forTypes(named("io.grpc.internal.ManagedChannelImplBuilder")).advise(BUILD, PACKAGE + "ChannelBuilderAdvice"),
        forTypes(named("io.grpc.internal.ServerImplBuilder")).advise(BUILD, PACKAGE + "ServerBuilderAdvice"));
  }
}
