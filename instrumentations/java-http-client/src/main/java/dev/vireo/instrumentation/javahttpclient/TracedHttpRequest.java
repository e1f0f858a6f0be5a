package dev.vireo.instrumentation.javahttpclient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The application's request as the JDK client gets it from us: everything is delegated to the
 * application's (immutable) request except the headers, which also carry the propagation headers.
 * The application's own request object is never changed. Java 11 API only, so it works on every
 * JDK that has the client (HttpRequest.newBuilder(request, filter) needs 16+).
 */
final class TracedHttpRequest extends HttpRequest {

  private static final BiPredicate<String, String> ACCEPT_ALL = (name, value) -> true;

  private final HttpRequest original;
  private Map<String, String> propagationHeaders;
  private HttpHeaders merged;

  TracedHttpRequest(HttpRequest original) {
    this.original = original;
  }

  HttpRequest original() {
    return original;
  }

  /** Called by the propagators while the span starts, before the JDK reads the headers. */
  void setPropagationHeader(String name, String value) {
    if (propagationHeaders == null) {
      propagationHeaders = new LinkedHashMap<>(4);
    }
    propagationHeaders.put(name, value);
    merged = null;
  }

  @Override
  public HttpHeaders headers() {
    HttpHeaders result = merged;
    if (result == null) {
      result = merge();
      merged = result;
    }
    return result;
  }

  private HttpHeaders merge() {
    HttpHeaders userHeaders = original.headers();
    if (propagationHeaders == null) {
      return userHeaders;
    }
    Map<String, List<String>> userMap = userHeaders.map();
    Map<String, List<String>> all;
    if (setsAnyOf(userHeaders)) {
      // Case-insensitive, so a traceparent the application set itself is replaced, not duplicated.
      all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      all.putAll(userMap);
    } else {
      // the usual case: HttpHeaders.of sorts and copies anyway, so no sorted copy of our own
      all = new HashMap<>((userMap.size() + propagationHeaders.size()) * 2);
      all.putAll(userMap);
    }
    for (Map.Entry<String, String> header : propagationHeaders.entrySet()) {
      all.put(header.getKey(), Collections.singletonList(header.getValue()));
    }
    return HttpHeaders.of(all, ACCEPT_ALL);
  }

  /** Whether the application set a header we set too, in any case (HttpHeaders looks names up ignoring case). */
  private boolean setsAnyOf(HttpHeaders userHeaders) {
    for (String name : propagationHeaders.keySet()) {
      if (userHeaders.firstValue(name).isPresent()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<BodyPublisher> bodyPublisher() {
    return original.bodyPublisher();
  }

  @Override
  public String method() {
    return original.method();
  }

  @Override
  public Optional<Duration> timeout() {
    return original.timeout();
  }

  @Override
  public boolean expectContinue() {
    return original.expectContinue();
  }

  @Override
  public URI uri() {
    return original.uri();
  }

  @Override
  public Optional<HttpClient.Version> version() {
    return original.version();
  }
}
