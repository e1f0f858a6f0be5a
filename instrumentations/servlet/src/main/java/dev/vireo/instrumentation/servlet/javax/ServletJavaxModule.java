package dev.vireo.instrumentation.servlet.javax;

import dev.vireo.instrumentation.servlet.common.ServletModule;

/** SERVER spans for {@code javax.servlet} containers (Servlet 3.0 to 4.0: Jetty 9.4, Tomcat 9, ...). */
public final class ServletJavaxModule extends ServletModule {

  /** The module's name; also names its instrumentation scope. */
  public static final String NAME = "servlet-javax";

  public ServletJavaxModule() {
    // AsyncContext: Servlet 3.0+, the oldest API this namespace's code is written against.
    super(NAME, "javax", "javax.servlet.AsyncContext");
  }
}
