package dev.vireo.smoke.apps;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/** A short-lived program with no tracing code: one HTTP GET per URL argument, then exit. */
public final class HttpCallApp {

  public static void main(String[] args) throws Exception {
    for (String url : args) {
      HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
      int status = connection.getResponseCode();
      try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      System.out.println("STATUS " + status);
    }
    System.out.println("DONE");
  }
}
