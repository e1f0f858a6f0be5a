/**
 * CLIENT spans for {@code java.net.http.HttpClient} (Java 11+; tested on 17 and 25), HTTP/1.1 and
 * HTTP/2.
 *
 * <p>Span granularity: one span per {@code send}/{@code sendAsync}. The JDK follows redirects and
 * retries inside its own exchange code, which exposes no per-request hook to public API; those
 * requests carry the same propagation headers and stay in the call's span (no resend count).
 *
 * <p>Propagation: the application's {@code HttpRequest} is immutable and stays untouched; the JDK
 * gets a {@link dev.vireo.instrumentation.javahttpclient.TracedHttpRequest} in its place that
 * delegates everything and adds the propagation headers. Requests of the JDK's own type (WebSocket
 * handshakes) are left alone. The copy delegates exactly the abstract methods of Java 11's
 * {@code HttpRequest} (unchanged through Java 25); should a later JDK add request properties with
 * default implementations, the copy would need to delegate those too.
 *
 * <p>{@code sendAsync}: the span ends when the JDK's future completes; the application gets a
 * future completed in the caller's context, so stages chained on it run there.
 */
package dev.vireo.instrumentation.javahttpclient;
