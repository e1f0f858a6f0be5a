package dev.vireo.instrumentation.servlet.jakarta;

import dev.vireo.instrumentation.servlet.common.ServletModule;

/** SERVER spans for {@code jakarta.servlet} containers (Servlet 5.0+: Jetty 12 ee10, Tomcat 10/11, ...). */
public final class ServletJakartaModule extends ServletModule {

  public ServletJakartaModule() {
    // HttpServletMapping: the route source; every jakarta.servlet version has it.
    super("jakarta", "jakarta.servlet.http.HttpServletMapping");
  }
}
