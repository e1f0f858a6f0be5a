/**
 * CLIENT spans for the Jetty 12 HttpClient ({@code org.eclipse.jetty.client}; tested 12.0 and
 * 12.1), also under Spring's {@code JettyClientHttpRequestFactory}.
 *
 * <p>Each request on the wire is a CLIENT span ({@link
 * dev.vireo.instrumentation.jettyhttpclient.JettyClientSpans}): started when Jetty creates its
 * {@code HttpExchange} on the caller's thread (the propagation headers go onto the request then),
 * ended when the exchange terminates, that is when the response is complete or the exchange failed
 * (connection refused, timeout, abort), before Jetty calls the application's listeners. Redirects
 * and authentication retries Jetty sends for the same call get {@code http.request.resend_count}.
 * A completion callback given to {@code send(listener)} runs in the caller's context.
 *
 * <p>Not covered: Jetty 9.4 to 11 (their classes live in other packages); the callbacks of a full
 * {@code Response.Listener} (head, content) run in whatever context Jetty's thread has.
 */
package dev.vireo.instrumentation.jettyhttpclient;
