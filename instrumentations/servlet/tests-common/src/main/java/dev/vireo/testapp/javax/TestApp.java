package dev.vireo.testapp.javax;

import dev.vireo.instrumentation.api.VireoTelemetry;
import dev.vireo.instrumentation.api.semconv.http.HttpServerRoute;
import dev.vireo.testapp.Observations;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import javax.servlet.AsyncContext;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The test application: servlets and filters registered with the same mappings in every container, under the
 * context path {@link #CONTEXT_PATH}. Written against javax.servlet; the build generates
 * {@code dev.vireo.testapp.jakarta.TestApp} from this source for jakarta.servlet (see tests-common's pom).
 */
public final class TestApp {

  public static final String CONTEXT_PATH = "/app";

  /** How a container test registers the application with its container's API. */
  public interface Registrar {
    void servlet(String name, Servlet servlet, boolean asyncSupported, String... patterns);

    void filter(String name, Filter filter, String pattern);
  }

  private TestApp() {}

  public static void register(Registrar registrar) {
    registrar.servlet("items", new ItemsServlet(), false, "/api/items/*");
    registrar.servlet("hello", new HelloServlet(), false, "/hello", "/metered", "/filtered/*");
    registrar.servlet("forward", new ForwardServlet(), false, "/forward", "/include");
    registrar.servlet("async", new AsyncServlet(), true, "/async/*");
    registrar.servlet("client", new ClientServlet(), false, "/client");
    registrar.servlet("framework", new FrameworkServlet(), false, "/framework/*");
    registrar.servlet("pages", new PagesServlet(), false, "*.do", "/");
    registrar.filter("first", new RecordingFilter("first"), "/filtered/*");
    registrar.filter("second", new RecordingFilter("second"), "/filtered/*");
  }

  /** {@code sendError}, noting the response class it runs in (the agent names its span after it). */
  static void sendError(HttpServletResponse response, int status) throws IOException {
    noteImplementingClass(response, "sendError");
    response.sendError(status);
  }

  /** {@code sendRedirect}, noting the response class it runs in. */
  static void sendRedirect(HttpServletResponse response, String location) throws IOException {
    noteImplementingClass(response, "sendRedirect");
    response.sendRedirect(location);
  }

  /**
   * The nearest class of the response's that implements a method of that name: where the call's code runs (Servlet
   * 6.1's {@code sendRedirect(String)} is a default method of the interface, calling the class's three-argument one).
   */
  private static void noteImplementingClass(HttpServletResponse response, String method) {
    for (Class<?> type = response.getClass(); type != null; type = type.getSuperclass()) {
      for (java.lang.reflect.Method declared : type.getDeclaredMethods()) {
        if (declared.getName().equals(method) && java.lang.reflect.Modifier.isPublic(declared.getModifiers())) {
          Observations.put(method + ".declaredBy", type.getName());
          return;
        }
      }
    }
    throw new IllegalStateException("no class of " + response.getClass() + " implements " + method);
  }

  static void write(HttpServletResponse response, int status, String body) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code /api/items/*}: the item, a 404 for {@code missing}, a redirect for {@code moved}, an exception for {@code boom}. */
  static final class ItemsServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Observations.put("items.span" + request.getPathInfo(), Observations.currentSpanId());
      if ("/missing".equals(request.getPathInfo())) {
        sendError(response, 404);
        return;
      }
      if ("/moved".equals(request.getPathInfo())) {
        sendRedirect(response, "/app/hello");
        return;
      }
      if ("/boom".equals(request.getPathInfo())) {
        throw new IllegalStateException("boom");
      }
      response.setHeader("X-Test-Response", "resp-value");
      write(response, 200, "item " + request.getPathInfo());
    }
  }

  /** Records the span it runs in and the traceparent it received, keyed by the X-Probe header. */
  static final class HelloServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String probe = request.getHeader("X-Probe");
      if (probe != null) {
        Observations.put("hello.span." + probe, Observations.currentSpanId());
        Observations.put("hello.thread." + probe, Thread.currentThread().getName());
        Observations.put("hello.traceparent." + probe, request.getHeader("traceparent"));
        Observations.put("hello.baggage." + probe, Baggage.current().getEntryValue("user"));
      }
      write(response, 200, "hello");
    }
  }

  /** {@code /forward} forwards to {@code /hello}, {@code /include} includes it. */
  static final class ForwardServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      if (request.getServletPath().equals("/forward")) {
        request.getRequestDispatcher("/hello").forward(request, response);
      } else {
        response.setContentType("text/plain");
        response.getOutputStream().write("included: ".getBytes(StandardCharsets.UTF_8));
        request.getRequestDispatcher("/hello").include(request, response);
      }
    }
  }

  /**
   * {@code /async/work}: completes on another thread with 202 after some traced work; {@code
   * /async/timeout}: never completes (the container times it out); {@code /async/dispatch}:
   * dispatches to {@code /hello}; {@code /async/fail}: answers 503 from the async thread.
   */
  static final class AsyncServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      String action = request.getPathInfo();
      switch (action) {
        case "/timeout":
          async.setTimeout(200);
          return;
        case "/dispatch":
          async.dispatch("/hello");
          return;
        case "/fail":
          async.start(
              () -> {
                try {
                  sendError((HttpServletResponse) async.getResponse(), 503);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                } finally {
                  async.complete();
                }
              });
          return;
        default:
          async.start(
              () -> {
                Observations.put("async.work-span", Observations.currentSpanId());
                Span work = VireoTelemetry.get().getTracer("test").spanBuilder("async-work").startSpan();
                work.end();
                try {
                  sleep(50); // the span must end with the completion, not when doGet returned
                  write((HttpServletResponse) async.getResponse(), 202, "async done");
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                } finally {
                  async.complete();
                }
              });
      }
    }
  }

  /** Calls {@code /hello} of this server with HttpURLConnection and returns the traceparent it sent. */
  static final class ClientServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      URL url =
          new URL("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + "/hello");
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      connection.setRequestProperty("X-Probe", "downstream");
      int status = connection.getResponseCode();
      try (InputStream in = connection.getInputStream()) {
        in.readAllBytes();
      }
      write(response, 200, "downstream " + status);
    }
  }

  /** Routes by itself, as a framework would, and tells the agent the route template. */
  static final class FrameworkServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      if (request.getPathInfo() != null && request.getPathInfo().startsWith("/users/")) {
        HttpServerRoute.update(Context.current(), request.getContextPath() + "/framework/users/{id}");
      }
      write(response, 200, "framework");
    }
  }

  /** {@code *.do} pages and the default servlet ({@code /}): a page for {@code .do}, else 404. */
  static final class PagesServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      if (request.getServletPath().endsWith(".do")) {
        write(response, 200, "page");
      } else {
        sendError(response, 404);
      }
    }
  }

  /** Records the span current when it runs, then passes the request on. */
  static final class RecordingFilter implements Filter {
    private final String name;

    RecordingFilter(String name) {
      this.name = name;
    }

    @Override
    public void init(FilterConfig filterConfig) {}

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      Observations.put("filter." + name, Observations.currentSpanId());
      chain.doFilter(request, response);
    }

    @Override
    public void destroy() {}
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
