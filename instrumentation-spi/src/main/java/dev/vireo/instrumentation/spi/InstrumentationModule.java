package dev.vireo.instrumentation.spi;

import java.util.Collections;
import java.util.List;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * One instrumentation of one library family, found with {@link java.util.ServiceLoader}.
 *
 * <p>Rules for implementations:
 *
 * <ul>
 *   <li>The module class itself is loaded in the agent's class loader, which cannot see the
 *       library: it must not mention library types, only type and method names.
 *   <li>Its advice and helper classes live in the module class's package (or below), or in the
 *       {@link #helperPackages() helper packages} it declares. They are loaded
 *       per application class loader by a class loader that sees both the library and the agent,
 *       so they may use library types freely.
 *   <li>Before the module is applied to a class loader, every reference its package makes to
 *       classes, methods and fields outside the agent is checked against that class loader; when one
 *       is missing (a library version the module does not fit) the module is skipped there.
 * </ul>
 */
public interface InstrumentationModule {

  /** Config name: {@code otel.instrumentation.<name>.enabled}. */
  String name();

  /** Further names that enable or disable this module (e.g. a family name shared by modules). */
  default List<String> aliases() {
    return Collections.emptyList();
  }

  /** Whether the module is on when neither its property nor {@code common.default-enabled} says. */
  default boolean defaultEnabled() {
    return true;
  }

  /**
   * A cheap first check of whether the library is present in a class loader, usually {@link
   * ClassLoaderMatchers#hasClassesNamed}. The reference check runs after it.
   */
  default ElementMatcher<ClassLoader> classLoaderMatcher() {
    return ElementMatchers.any();
  }

  /**
   * Packages outside the module class's package whose classes belong to this module too (and their
   * sub-packages), e.g. {@code "dev.vireo.instrumentation.servlet.common"}: code shared by sibling
   * modules that differ only in the library's package names, such as {@code javax} and {@code
   * jakarta}. Each module gets its own copy of these classes per class loader, and they are checked
   * against the library like the module's own.
   */
  default List<String> helperPackages() {
    return Collections.emptyList();
  }

  /**
   * Packages of this module (the module's package or below, e.g. {@code
   * "dev.vireo.instrumentation.opentelemetryapi.application"}) whose classes face the
   * <em>application's</em> OpenTelemetry API: they are defined in a second class loader per
   * application class loader in which {@code io.opentelemetry.*} resolves from the application,
   * not from the agent (every other class, the rest of the module included, resolves as for the
   * module's other classes). They talk to the module's agent-facing classes only through members
   * whose signatures name no OpenTelemetry type (JDK types, {@code Object}). Their references to
   * the application's OpenTelemetry API are part of the module's version check.
   */
  default List<String> applicationOpenTelemetryPackages() {
    return Collections.emptyList();
  }

  List<TypeInstrumentation> typeInstrumentations();
}
