/**
 * CLIENT spans for the Jetty HttpClient 9.4, 10 and 11 ({@code org.eclipse.jetty.client}; tested
 * 9.4 and 11), the same way as the jetty-httpclient module does for Jetty 12: one span per
 * {@code HttpExchange} (request on the wire), from its creation on the caller's thread to its
 * termination, redirects and authentication retries of one conversation with
 * {@code http.request.resend_count}, the completion callback of {@code send(listener)} in the
 * caller's context. Compiled against 9.4 and calling only what 9.4 to 11 share with the same
 * binary shape ({@code HttpFields} became an interface in 10: read through {@code Iterable}).
 *
 * <p>Not covered: the callbacks of a full {@code Response.Listener} (head, content) run in whatever
 * context Jetty's thread has.
 */
package dev.vireo.instrumentation.jettyhttpclient9;
