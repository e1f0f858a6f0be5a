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
 * ({@code GET <backend>/api/items/N} with the JDK HTTP client).
 *
 * <p>Answers 200 {@code {"status":"ordered","order":<backend answer>}}; otherwise the backend's status with
 * {@code {"status":"failed","backendStatus":S,"backend":<backend answer>}}; 400 for a missing or malformed item.
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
    int item;
    try {
      item = Integer.parseInt(String.valueOf(request.getParameter("item")));
    } catch (NumberFormatException e) {
      answer(response, 400, "{\"status\":\"failed\",\"error\":\"expected ?item=<number>\"}");
      return;
    }
    HttpRequest backendRequest = HttpRequest.newBuilder(URI.create(backendUrl + "/api/items/" + item))
        .timeout(Duration.ofSeconds(15))
        .header("Accept", "application/json")
        .GET()
        .build();
    HttpResponse<String> backend;
    try {
      backend = http.send(backendRequest, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(response, 503, "{\"status\":\"failed\",\"error\":\"interrupted\"}");
      return;
    } catch (IOException e) {
      answer(response, 502, "{\"status\":\"failed\",\"error\":" + JsonText.quote("backend: " + e) + "}");
      return;
    }
    LOG.info("checkout item={} backend status={}", item, backend.statusCode());
    if (backend.statusCode() == 200) {
      answer(response, 200, "{\"status\":\"ordered\",\"order\":" + backend.body() + "}");
    } else {
      answer(response, backend.statusCode(), "{\"status\":\"failed\",\"backendStatus\":" + backend.statusCode()
          + ",\"backend\":" + backend.body() + "}");
    }
  }

  private static void answer(HttpServletResponse response, int status, String json) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json);
  }
}
