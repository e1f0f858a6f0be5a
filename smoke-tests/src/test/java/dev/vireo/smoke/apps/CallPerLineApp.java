package dev.vireo.smoke.apps;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** No tracing code: one HTTP GET per line read from stdin (a URL), until stdin ends. */
public final class CallPerLineApp {

  public static void main(String[] args) throws Exception {
    System.out.println("READY");
    BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String url;
    while ((url = lines.readLine()) != null && !url.isEmpty()) {
      HttpURLConnection connection = (HttpURLConnection) new URL(url.trim()).openConnection();
      int status = connection.getResponseCode();
      try (InputStream in = connection.getInputStream()) {
        in.readAllBytes();
      }
      System.out.println("STATUS " + status + " " + url.trim());
    }
    System.out.println("DONE");
  }
}
