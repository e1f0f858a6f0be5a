package dev.vireo.testapp.spring;

/**
 * The Spring Web MVC scenarios on Spring Boot 3 with embedded Jetty 12, the dispatcher mapped to
 * {@code /api/*}: every route starts with the context path and the servlet path ({@code /shop/api}).
 */
class Boot3JettyTest extends SpringWebMvcClientScenarios {

  @Override
  protected String servletPath() {
    return "/api";
  }
}
