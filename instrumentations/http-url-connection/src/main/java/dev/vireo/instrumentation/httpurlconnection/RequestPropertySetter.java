package dev.vireo.instrumentation.httpurlconnection;

import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.HttpURLConnection;

/** Writes propagation headers as request properties (before the request is sent). */
enum RequestPropertySetter implements TextMapSetter<HttpURLConnection> {
  INSTANCE;

  @Override
  public void set(HttpURLConnection connection, String key, String value) {
    if (connection == null) {
      return;
    }
    try {
      connection.setRequestProperty(key, value);
    } catch (IllegalStateException alreadyConnected) {
      // the request is on its way; the span still exists, only propagation is lost
    }
  }
}
