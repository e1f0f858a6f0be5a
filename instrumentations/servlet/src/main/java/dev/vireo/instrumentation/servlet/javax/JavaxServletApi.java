package dev.vireo.instrumentation.servlet.javax;

import dev.vireo.instrumentation.servlet.common.AsyncWork;
import dev.vireo.instrumentation.servlet.common.RequestCompletion;
import dev.vireo.instrumentation.servlet.common.ResponseSendSpans;
import dev.vireo.instrumentation.servlet.common.ServletApi;
import dev.vireo.instrumentation.servlet.common.ServletRequestSpans;
import java.util.Collection;
import java.util.Enumeration;
import javax.servlet.AsyncContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The servlet core's view of {@code javax.servlet}. The build generates the jakarta one
 * (JakartaServletApi) from this source, as it does for this package's advice and listener.
 */
enum JavaxServletApi implements ServletApi<HttpServletRequest, HttpServletResponse> {
  INSTANCE;

  static final ServletRequestSpans<HttpServletRequest, HttpServletResponse> SPANS =
      new ServletRequestSpans<>(ServletJavaxModule.NAME, INSTANCE);

  static final ResponseSendSpans RESPONSE_SPANS = new ResponseSendSpans(ServletJavaxModule.NAME);

  /** True when the work was started wrapped in the current context (the original call is then skipped). */
  static boolean startInCurrentContext(AsyncContext asyncContext, Runnable work) {
    Runnable wrapped = AsyncWork.inCurrentContext(work);
    if (wrapped == null) {
      return false;
    }
    try {
      asyncContext.start(wrapped);
      return true;
    } catch (RuntimeException e) {
      return false; // the original call runs and fails the same way, as the application expects
    }
  }

  @Override
  public HttpServletRequest httpRequest(Object request) {
    return request instanceof HttpServletRequest ? (HttpServletRequest) request : null;
  }

  @Override
  public HttpServletResponse httpResponse(Object response) {
    return response instanceof HttpServletResponse ? (HttpServletResponse) response : null;
  }

  @Override
  public String method(HttpServletRequest request) {
    return request.getMethod();
  }

  @Override
  public String scheme(HttpServletRequest request) {
    return request.getScheme();
  }

  @Override
  public String requestUri(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @Override
  public String queryString(HttpServletRequest request) {
    return request.getQueryString();
  }

  @Override
  public String protocol(HttpServletRequest request) {
    return request.getProtocol();
  }

  @Override
  public String serverName(HttpServletRequest request) {
    return request.getServerName();
  }

  @Override
  public int serverPort(HttpServletRequest request) {
    return request.getServerPort();
  }

  @Override
  public String remoteAddr(HttpServletRequest request) {
    return request.getRemoteAddr();
  }

  @Override
  public int remotePort(HttpServletRequest request) {
    return request.getRemotePort();
  }

  @Override
  public String route(HttpServletRequest request) {
    return ServletRoutes.route(request);
  }

  @Override
  public Enumeration<String> headers(HttpServletRequest request, String name) {
    return request.getHeaders(name);
  }

  @Override
  public Enumeration<String> headerNames(HttpServletRequest request) {
    return request.getHeaderNames();
  }

  @Override
  public String header(HttpServletRequest request, String name) {
    return request.getHeader(name);
  }

  @Override
  public Object attribute(HttpServletRequest request, String name) {
    return request.getAttribute(name);
  }

  @Override
  public void setAttribute(HttpServletRequest request, String name, Object value) {
    request.setAttribute(name, value);
  }

  @Override
  public boolean isAsyncStarted(HttpServletRequest request) {
    return request.isAsyncStarted();
  }

  @Override
  public void onAsyncCompletion(
      HttpServletRequest request, RequestCompletion<HttpServletRequest, HttpServletResponse> completion) {
    request.getAsyncContext().addListener(new RequestCompletionListener(completion));
  }

  @Override
  public int status(HttpServletResponse response) {
    return response.getStatus();
  }

  @Override
  public boolean isCommitted(HttpServletResponse response) {
    return response.isCommitted();
  }

  @Override
  public Collection<String> responseHeaders(HttpServletResponse response, String name) {
    return response.getHeaders(name);
  }

  @Override
  public void setHeader(HttpServletResponse response, String name, String value) {
    response.setHeader(name, value);
  }

  @Override
  public Throwable applicationError(Throwable thrown) {
    if (thrown instanceof ServletException && thrown.getCause() != null) {
      return thrown.getCause();
    }
    return thrown;
  }
}
