package dev.vireo.tooling.install;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * A type instrumentation whose types are matched by name: the name first, the module's class loader check only for
 * classes of those names. Byte Buddy's own order is the loader first, so each module's check ran for the first class
 * of every class loader, and for a library the application does not have, each marker class look-up missed through
 * every jar of the loader (a Spring Boot application makes several loaders over about a hundred nested jars).
 */
final class NameThenLoaderMatcher implements AgentBuilder.RawMatcher {

  private final ElementMatcher<? super TypeDescription> names;
  private final ElementMatcher<? super ClassLoader> loaders;

  NameThenLoaderMatcher(ElementMatcher<? super TypeDescription> names, ElementMatcher<? super ClassLoader> loaders) {
    this.names = names;
    this.loaders = loaders;
  }

  @Override
  public boolean matches(
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain) {
    return names.matches(type) && loaders.matches(loader);
  }

  @Override
  public String toString() {
    return "nameThenLoader(" + names + ", " + loaders + ")";
  }
}
