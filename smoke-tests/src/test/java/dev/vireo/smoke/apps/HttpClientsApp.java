package dev.vireo.smoke.apps;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A short-lived program with no tracing code: one GET with java.net.http.HttpClient (args[0]) and one
 * with the application's own OkHttp (args[1]). OkHttp is used through reflection so that the test
 * class path does not pin its version (the agent carries an OkHttp of its own for OTLP).
 */
public final class HttpClientsApp {

  public static void main(String[] args) throws Exception {
    HttpResponse<String> jdk =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(args[0])).build(), HttpResponse.BodyHandlers.ofString());
    System.out.println("JDK STATUS " + jdk.statusCode());

    Object client = Class.forName("okhttp3.OkHttpClient").getConstructor().newInstance();
    Object requestBuilder = Class.forName("okhttp3.Request$Builder").getConstructor().newInstance();
    requestBuilder.getClass().getMethod("url", String.class).invoke(requestBuilder, args[1]);
    Object request = requestBuilder.getClass().getMethod("build").invoke(requestBuilder);
    Object call = client.getClass().getMethod("newCall", request.getClass()).invoke(client, request);
    Object response = call.getClass().getMethod("execute").invoke(call);
    System.out.println("OKHTTP STATUS " + response.getClass().getMethod("code").invoke(response));
    response.getClass().getMethod("close").invoke(response);
    System.out.println("DONE");
  }
}
