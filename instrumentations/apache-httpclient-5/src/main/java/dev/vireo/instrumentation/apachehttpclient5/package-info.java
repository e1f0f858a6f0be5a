/**
 * CLIENT spans for Apache HttpClient 5.x (tested: 5.0.4, 5.6.3), classic and async.
 *
 * <p>Classic ({@code CloseableHttpClient}): as in the apache-httpclient-4 and okhttp modules, each
 * request on the wire is a CLIENT span; redirects, authentication challenges and retries inside one
 * {@code execute} get {@code http.request.resend_count}. {@link
 * dev.vireo.instrumentation.apachehttpclient5.ExecuteAdvice} ({@code doExecute}, which every
 * {@code execute} overload ends in) starts the first attempt's span before connecting; {@link
 * dev.vireo.instrumentation.apachehttpclient5.SendAdvice} (httpcore5's classic {@code
 * HttpRequestExecutor.execute}, once per request on the wire) injects the headers and handles resends
 * (the HTTP client family's {@code HttpClientResendingCall}, through {@link
 * dev.vireo.instrumentation.apachehttpclient5.ApacheHttpClient5Spans}).
 *
 * <p>Async ({@code CloseableHttpAsyncClient}, HTTP/1.1 and HTTP/2): {@link
 * dev.vireo.instrumentation.apachehttpclient5.AsyncExecuteAdvice} wraps the request producer (the
 * span starts when the request is produced; HttpClient receives a copy carrying the propagation
 * headers), the response consumer (the response head) and the callback (the span ends, then the
 * application's callback runs in the caller's context). One span per call: redirects and retries
 * inside the asynchronous exchange are not visible as separate requests, so they stay in that span
 * and carry its traceparent (as in the java-http-client module). Not covered: the low-level
 * {@code execute(AsyncClientExchangeHandler)} of the minimal async clients.
 */
package dev.vireo.instrumentation.apachehttpclient5;
