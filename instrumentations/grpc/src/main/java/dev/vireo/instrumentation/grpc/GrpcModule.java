package dev.vireo.instrumentation.grpc;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.vireo.instrumentation.spi.AdviceTarget;
import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * CLIENT and SERVER spans for grpc-java. Every transport's channel and server builder (Netty,
 * Netty-shaded, OkHttp, in-process, ...) forwards to grpc-core's {@code ManagedChannelImplBuilder}
 * and {@code ServerImplBuilder}, so hooking their {@code build()} reaches every channel and server
 * with one interceptor each, added once per builder.
 */
public final class GrpcModule implements InstrumentationModule {

  @Override
  public String name() {
    return "grpc";
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed("io.grpc.ClientInterceptor", "io.grpc.ServerInterceptor");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Arrays.<TypeInstrumentation>asList(
        new BuilderBuildInstrumentation(
            "io.grpc.internal.ManagedChannelImplBuilder", "dev.vireo.instrumentation.grpc.ChannelBuilderAdvice"),
        new BuilderBuildInstrumentation(
            "io.grpc.internal.ServerImplBuilder", "dev.vireo.instrumentation.grpc.ServerBuilderAdvice"));
  }

  /** {@code build()} of one builder class. */
  static final class BuilderBuildInstrumentation implements TypeInstrumentation {
    private final String builderClass;
    private final String adviceClass;

    BuilderBuildInstrumentation(String builderClass, String adviceClass) {
      this.builderClass = builderClass;
      this.adviceClass = adviceClass;
    }

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
      return named(builderClass);
    }

    @Override
    public void transform(AdviceTarget target) {
      target.applyAdvice(named("build").and(takesArguments(0)).and(isPublic()), adviceClass);
    }
  }
}
