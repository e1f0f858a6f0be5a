/**
 * CLIENT spans for OkHttp 3.x, 4.x and 5.x (tested: 3.14.9, 4.12.0, 5.5.1).
 *
 * <p>Span granularity: as the HTTP client conventions recommend, each request OkHttp puts on the
 * wire is its own CLIENT span; redirects, authentication challenges and retries that OkHttp makes
 * inside one {@code execute}/{@code enqueue} get {@code http.request.resend_count} 1, 2, ... All
 * spans of a call are siblings under the caller's span; when the caller has no span, resends are
 * children of the first attempt's span so that the call is still one trace. Each request carries
 * the traceparent of its own span.
 *
 * <ul>
 *   <li>{@link dev.vireo.instrumentation.okhttp.CallInterceptor} (outermost application interceptor,
 *       once per call) starts the first attempt's span before OkHttp connects, so a call that never
 *       reaches the network (connection refused, DNS, TLS) still has a span with the error.
 *   <li>{@link dev.vireo.instrumentation.okhttp.AttemptInterceptor} (outermost network interceptor,
 *       once per request on the wire) ends that span, and starts and ends the spans of resends.
 *   <li>{@code enqueue}: the caller's context is captured when OkHttp creates its {@code AsyncCall}
 *       and is current while the dispatcher thread runs it, so spans parent correctly and the
 *       application's callback runs in the caller's context.
 * </ul>
 *
 * <p>Not covered: a resend that fails before reaching the network (e.g. a redirect to a host that
 * refuses connections) has no span of its own; the exception reaches the application and the earlier
 * attempts' spans exist. A response served from OkHttp's cache without a network request ends the
 * first span with the cached response.
 */
package dev.vireo.instrumentation.okhttp;
