package dev.vireo.instrumentation.springdata;

import static dev.vireo.instrumentation.spi.TypeInstrumentation.forTypes;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.vireo.instrumentation.spi.ClassLoaderMatchers;
import dev.vireo.instrumentation.spi.InstrumentationModule;
import dev.vireo.instrumentation.spi.TypeInstrumentation;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring Data repositories: an INTERNAL span {@code {Repository}.{method}} around each call of a repository's proxy
 * ({@code OrderRepository.findById}), with {@code code.namespace} and {@code code.function}, as the OpenTelemetry
 * agent makes them; the store's own spans (JDBC, MongoDB, Redis, ...) are its children. Every repository factory
 * gets a proxy post-processor when it is created, whatever the store.
 */
public final class SpringDataModule implements InstrumentationModule {

  /** The module's name; also names its instrumentation scope ({@code InstrumentationScope.of(NAME)}). */
  public static final String NAME = "spring-data";

  static final String REPOSITORY_FACTORY = "org.springframework.data.repository.core.support.RepositoryFactorySupport";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ClassLoaderMatchers.hasClassesNamed(
        REPOSITORY_FACTORY,
        "org.springframework.data.repository.core.support.RepositoryProxyPostProcessor",
        "org.aopalliance.intercept.MethodInterceptor");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return Collections.<TypeInstrumentation>singletonList(
        forTypes(named(REPOSITORY_FACTORY))
            .advise(isConstructor(), "dev.vireo.instrumentation.springdata.RepositoryFactoryCreatedAdvice"));
  }
}
