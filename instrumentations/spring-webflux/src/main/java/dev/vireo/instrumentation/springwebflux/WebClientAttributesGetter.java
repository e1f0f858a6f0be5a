package dev.vireo.instrumentation.springwebflux;

import dev.vireo.instrumentation.api.semconv.http.HttpClientAttributesGetter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.util.List;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Raw facts of a WebClient request and response for the HTTP client conventions. Uses only API that
 * Spring 5.3 to 7 share, except the status: {@code ClientResponse.statusCode()} returns
 * {@code HttpStatus} in 5.3 and {@code HttpStatusCode} since 6, so it is called through a method
 * handle (both have {@code value()}), looked up once.
 */
enum WebClientAttributesGetter implements HttpClientAttributesGetter<WebClientCall, ClientResponse> {
  INSTANCE;

  private static final MethodHandle STATUS_VALUE = statusValue();

  private static MethodHandle statusValue() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      java.lang.reflect.Method statusCode = ClientResponse.class.getMethod("statusCode");
      MethodHandle status = lookup.unreflect(statusCode);
      MethodHandle value = lookup.findVirtual(statusCode.getReturnType(), "value", MethodType.methodType(int.class));
      return MethodHandles.filterReturnValue(status, value)
          .asType(MethodType.methodType(int.class, ClientResponse.class));
    } catch (Throwable t) {
      return null;
    }
  }

  @Override
  public String method(WebClientCall call) {
    return String.valueOf(call.request.method());
  }

  @Override
  public String url(WebClientCall call) {
    return call.request.url().toString();
  }

  @Override
  public String serverAddress(WebClientCall call) {
    return call.request.url().getHost();
  }

  @Override
  public Integer serverPort(WebClientCall call) {
    URI url = call.request.url();
    if (url.getPort() > 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : "http".equalsIgnoreCase(url.getScheme()) ? 80 : null;
  }

  @Override
  public List<String> requestHeader(WebClientCall call, String name) {
    return call.request.headers().getValuesAsList(name);
  }

  @Override
  public Integer statusCode(WebClientCall call, ClientResponse response, Throwable error) {
    if (response == null || STATUS_VALUE == null) {
      return null;
    }
    try {
      return (int) STATUS_VALUE.invokeExact(response);
    } catch (Throwable t) {
      return null;
    }
  }

  @Override
  public String protocolVersion(WebClientCall call, ClientResponse response) {
    return null; // WebClient does not say; Reactor Netty under it adds it (HttpClientOuterSpan)
  }

  @Override
  public List<String> responseHeader(WebClientCall call, ClientResponse response, String name) {
    return response == null ? null : response.headers().header(name);
  }
}
