package dev.vireo.examples.shop.frontend;

import dev.vireo.examples.shop.JsonText;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /checkout?item=N}: orders one unit of item N through the backend
 * ({@code GET <backend>/api/items/N} with the JDK HTTP client). A basket, {@code ?item=N&item=M...}, orders each
 * item in turn, one backend call each (the overhead benchmark's two-service app uses it for more spans per request).
 *
 * <p>Answers 200 {@code {"status":"ordered","order":<backend answer>}} (a basket: {@code "orders":[...]} in item
 * order); otherwise, at the first item the backend refuses, its status with
 * {@code {"status":"failed","backendStatus":S,"backend":<backend answer>}} (items before it stay ordered); 400 for
 * a missing or malformed item.
 */
final class CheckoutServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(CheckoutServlet.class);

  private final HttpClient http;
  private final String backendUrl;

  CheckoutServlet(HttpClient http, String backendUrl) {
    this.http = http;
    this.backendUrl = backendUrl.endsWith("/") ? backendUrl.substring(0, backendUrl.length() - 1) : backendUrl;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String[] values = request.getParameterValues("item");
    int[] items = values == null ? null : parseItems(values);
    if (items == null) {
      answer(response, 400, "{\"status\":\"failed\",\"error\":\"expected ?item=<number>\"}");
      return;
    }
    StringBuilder orders = new StringBuilder();
    for (int item : items) {
      HttpResponse<String> backend;
      try {
        backend = order(item);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer(response, 503, "{\"status\":\"failed\",\"error\":\"interrupted\"}");
        return;
      } catch (IOException e) {
        answer(response, 502, "{\"status\":\"failed\",\"error\":" + JsonText.quote("backend: " + e) + "}");
        return;
      }
      LOG.info("checkout item={} backend status={}", item, backend.statusCode());
      if (backend.statusCode() != 200) {
        answer(response, backend.statusCode(), "{\"status\":\"failed\",\"backendStatus\":" + backend.statusCode()
            + ",\"backend\":" + backend.body() + "}");
        return;
      }
      orders.append(orders.length() == 0 ? "" : ",").append(backend.body());
    }
    answer(response, 200, items.length == 1
        ? "{\"status\":\"ordered\",\"order\":" + orders + "}"
        : "{\"status\":\"ordered\",\"orders\":[" + orders + "]}");
  }

  private HttpResponse<String> order(int item) throws IOException, InterruptedException {
    HttpRequest backendRequest = HttpRequest.newBuilder(URI.create(backendUrl + "/api/items/" + item))
        .timeout(Duration.ofSeconds(15))
        .header("Accept", "application/json")
        .GET()
        .build();
    return http.send(backendRequest, HttpResponse.BodyHandlers.ofString());
  }

  /** The item numbers, or null when one is malformed. */
  private static int[] parseItems(String[] values) {
    int[] items = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      try {
        items[i] = Integer.parseInt(values[i]);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return items;
  }

  private static void answer(HttpServletResponse response, int status, String json) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json);
  }
}
