package dev.vireo.instrumentation.servlet.jakarta;

import dev.vireo.instrumentation.servlet.common.ServletModule;

/** SERVER spans for {@code jakarta.servlet} containers (Servlet 5.0+: Jetty 12 ee10, Tomcat 10/11, ...). */
public final class ServletJakartaModule extends ServletModule {

  /** The module's name; also names its instrumentation scope. */
  public static final String NAME = "servlet-jakarta";

  public ServletJakartaModule() {
    // HttpServletMapping: the route source; every jakarta.servlet version has it.
    super(NAME, "jakarta", "jakarta.servlet.http.HttpServletMapping");
  }
}
