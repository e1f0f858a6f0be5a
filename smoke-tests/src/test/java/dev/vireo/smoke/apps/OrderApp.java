package dev.vireo.smoke.apps;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Places one order (an HTTP GET) in a method that only an extension's instrumentation module knows about, and
 * reports whether the extension's classes leaked onto its class path.
 */
public final class OrderApp {

  public static void main(String[] args) throws Exception {
    try {
      Class.forName("dev.vireo.smoke.extension.sdk.MarkerCustomizerProvider");
      System.out.println("EXTENSION VISIBLE");
    } catch (ClassNotFoundException expected) {
      System.out.println("EXTENSION HIDDEN");
    }
    System.out.println("STATUS " + place(args[0], args[1]));
    System.out.println("DONE");
  }

  static int place(String orderId, String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url + "?order=" + orderId).openConnection();
    int status = connection.getResponseCode();
    try (InputStream in = connection.getInputStream()) {
      in.readAllBytes();
    }
    return status;
  }
}
