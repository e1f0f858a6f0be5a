/**
 * CLIENT spans for Apache HttpClient 4.3+ (tested: 4.3.6, 4.5.14).
 *
 * <p>Span granularity: as the HTTP client conventions recommend (and as the okhttp module does), each
 * request HttpClient puts on the wire is its own CLIENT span; redirects, authentication challenges
 * and retries that HttpClient makes inside one {@code execute} get {@code http.request.resend_count}
 * 1, 2, ... All spans of a call are siblings under the caller's span; when the caller has no span,
 * resends are children of the first attempt's span so that the call is still one trace. Each
 * request carries the traceparent of its own span; the application's request object is not changed.
 * The mechanism is the HTTP client family's {@code HttpClientResendingCall}; {@link
 * dev.vireo.instrumentation.apachehttpclient4.ApacheHttpClient4Spans} adds HttpClient 4's request facts.
 *
 * <ul>
 *   <li>{@link dev.vireo.instrumentation.apachehttpclient4.ExecuteAdvice} ({@code
 *       CloseableHttpClient.doExecute}, which every {@code execute} overload ends in) starts the first
 *       attempt's span before HttpClient connects, so a call that never reaches the wire (connection
 *       refused) still has a span with the error.
 *   <li>{@link dev.vireo.instrumentation.apachehttpclient4.SendAdvice} (httpcore's {@code
 *       HttpRequestExecutor.execute}, once per request on the wire) injects the headers, ends the
 *       first span with its response, and starts and ends the spans of resends.
 * </ul>
 *
 * <p>HttpClient 4 is built for Java 5/6; the agent raises its class files to version 51 to bind the
 * advice. With a {@code ResponseHandler}, the span ends when the response head has arrived, before
 * the handler reads the body. Not covered: a resend that fails before reaching the wire (a redirect
 * to a host that refuses connections) has no span of its own.
 */
package dev.vireo.instrumentation.apachehttpclient4;
