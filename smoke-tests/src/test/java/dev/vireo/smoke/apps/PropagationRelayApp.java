package dev.vireo.smoke.apps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A servlet app with no tracing code: {@code GET /relay/<client>/<case>} calls
 * {@code <target>/<client>/<case>} with the named HTTP client (urlconnection, jdk, okhttp).
 */
public final class PropagationRelayApp {

  public static void main(String[] args) throws Exception {
    String target = args[0];
    HttpClient jdk = HttpClient.newHttpClient();
    okhttp3.OkHttpClient okhttp = new okhttp3.OkHttpClient();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getPathInfo(); // /<client>/<case>
            String client = path.substring(1, path.indexOf('/', 1));
            String url = target + path;
            int status;
            try {
              status = switch (client) {
                case "urlconnection" -> ((HttpURLConnection) new URL(url).openConnection()).getResponseCode();
                case "jdk" -> jdk.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
                case "okhttp" -> {
                  try (okhttp3.Response r = okhttp.newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
                    yield r.code();
                  }
                }
                default -> 400;
              };
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            response.setStatus(status);
            response.getWriter().print("relayed " + status);
          }
        },
        "/relay/*");
    server.setHandler(context);
    server.start();
    System.out.println("READY relay port=" + connector.getLocalPort());
    server.join();
  }
}
