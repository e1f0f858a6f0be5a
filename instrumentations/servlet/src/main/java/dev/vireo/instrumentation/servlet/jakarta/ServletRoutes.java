package dev.vireo.instrumentation.servlet.jakarta;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;

/**
 * {@code http.route} from the servlet mapping that matched ({@code HttpServletMapping}), prefixed by
 * the context path: {@code /api/items/*}, {@code /hello}, {@code /*.do}; the default servlet is
 * {@code /*}, the context root {@code /}.
 */
final class ServletRoutes {

  private ServletRoutes() {}

  static String route(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null || mapping.getMappingMatch() == null) {
      return null;
    }
    String contextPath = request.getContextPath();
    String prefix = contextPath == null ? "" : contextPath;
    String pattern = mapping.getPattern();
    MappingMatch match = mapping.getMappingMatch();
    switch (match) {
      case CONTEXT_ROOT:
        return prefix.isEmpty() ? "/" : prefix;
      case DEFAULT:
        return prefix + "/*";
      case EXTENSION:
        return prefix + "/" + pattern;
      case EXACT:
      case PATH:
        return pattern == null ? null : prefix + pattern;
      default:
        return null;
    }
  }
}
