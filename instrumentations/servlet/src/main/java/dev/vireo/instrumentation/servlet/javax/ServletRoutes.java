package dev.vireo.instrumentation.servlet.javax;

import dev.vireo.instrumentation.api.VirtualField;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.servlet.ServletContext;
import javax.servlet.ServletRegistration;
import javax.servlet.http.HttpServletRequest;

/**
 * {@code http.route} from the servlet mapping that matched, with the Servlet 3.0 API (Servlet 4's
 * {@code getHttpServletMapping} is not there on Jetty 9.4): a path mapping {@code /api/*} leaves a
 * path info; otherwise the servlet path is an exact mapping, or the request matched an extension
 * mapping {@code *.do}, or the default servlet. The context's mappings are read once per context.
 */
final class ServletRoutes {

  private static final VirtualField<ServletContext, Mappings> MAPPINGS = VirtualField.create();

  private ServletRoutes() {}

  static String route(HttpServletRequest request) {
    String contextPath = request.getContextPath();
    String servletPath = request.getServletPath();
    if (servletPath == null) {
      return null;
    }
    String prefix = contextPath == null ? "" : contextPath;
    if (request.getPathInfo() != null) {
      return prefix + servletPath + "/*";
    }
    Mappings mappings = mappingsOf(request.getServletContext());
    if (mappings == null) {
      return null;
    }
    if (servletPath.isEmpty()) {
      return prefix.isEmpty() ? "/" : prefix; // the context root itself
    }
    if (mappings.exact.contains(servletPath)) {
      return prefix + servletPath;
    }
    int dot = servletPath.lastIndexOf('.');
    if (dot > servletPath.lastIndexOf('/')) {
      String extension = "*" + servletPath.substring(dot);
      if (mappings.extensions.contains(extension)) {
        return prefix + "/" + extension;
      }
    }
    return prefix + "/*"; // the default servlet
  }

  private static Mappings mappingsOf(ServletContext context) {
    if (context == null) {
      return null;
    }
    Mappings mappings = MAPPINGS.get(context);
    if (mappings == null) {
      mappings = Mappings.of(context);
      MAPPINGS.set(context, mappings);
    }
    return mappings;
  }

  private static final class Mappings {
    final Set<String> exact = new HashSet<>();
    final Set<String> extensions = new HashSet<>();

    static Mappings of(ServletContext context) {
      Mappings mappings = new Mappings();
      Map<String, ? extends ServletRegistration> registrations = context.getServletRegistrations();
      if (registrations == null) {
        return mappings;
      }
      for (ServletRegistration registration : registrations.values()) {
        Collection<String> patterns = registration.getMappings();
        if (patterns == null) {
          continue;
        }
        for (String pattern : patterns) {
          if (pattern.startsWith("*.")) {
            mappings.extensions.add(pattern);
          } else if (pattern.startsWith("/") && !pattern.endsWith("/*")) {
            mappings.exact.add(pattern);
          }
        }
      }
      return mappings;
    }
  }
}
