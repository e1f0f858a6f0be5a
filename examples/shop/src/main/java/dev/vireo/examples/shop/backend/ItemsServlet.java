package dev.vireo.examples.shop.backend;

import dev.vireo.examples.shop.JsonText;
import dev.vireo.examples.shop.inventory.InventoryClient;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/items/{id}}: looks the item up in the database, reserves one unit at the inventory service (gRPC)
 * and publishes an {@code order-placed} event (Kafka).
 *
 * <p>Answers 200 with the item and its reservation, 400 for a malformed id, 404 for an unknown item, 409 when sold
 * out and 502 when a downstream service fails.
 *
 * <p>It also uses the OpenTelemetry API itself, as many services do: the item id goes on the agent's SERVER span
 * ({@code Span.current()}), and rendering the answer is a manual span; under the agent both land in its trace.
 */
final class ItemsServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(ItemsServlet.class);

  private final ItemRepository items;
  private final InventoryClient inventory;
  private final OrderEvents orders;
  private final Tracer tracer = GlobalOpenTelemetry.getTracer("dev.vireo.examples.shop");

  ItemsServlet(ItemRepository items, InventoryClient inventory, OrderEvents orders) {
    this.items = items;
    this.inventory = inventory;
    this.orders = orders;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Integer id = parseId(request.getPathInfo());
    if (id == null) {
      answer(response, 400, "{\"error\":\"expected /api/items/{numeric id}\"}");
      return;
    }
    Span.current().setAttribute("shop.item.id", id);
    try {
      Optional<Item> item = items.find(id);
      if (item.isEmpty()) {
        LOG.warn("no item {}", id);
        answer(response, 404, "{\"error\":\"no item " + id + "\"}");
        return;
      }
      String reservation;
      try {
        reservation = inventory.reserve(id);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
          answer(response, 409, "{\"error\":\"item " + id + " is sold out\"}");
        } else {
          answer(response, 502, "{\"error\":" + JsonText.quote("inventory: " + e.getStatus()) + "}");
        }
        return;
      }
      orders.orderPlaced(item.get(), reservation);
      LOG.info("order placed item={} reservation={}", id, reservation);
      Span render = tracer.spanBuilder("render-order").setAttribute("shop.reservation", reservation).startSpan();
      try (Scope ignored = render.makeCurrent()) {
        answer(response, 200,
            "{\"item\":" + item.get().toJson() + ",\"reservation\":" + JsonText.quote(reservation) + "}");
      } finally {
        render.end();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(response, 503, "{\"error\":\"interrupted\"}");
    } catch (Exception e) {
      log("order for item " + id + " failed", e);
      answer(response, 502, "{\"error\":" + JsonText.quote(e.toString()) + "}");
    }
  }

  private static Integer parseId(String pathInfo) {
    if (pathInfo == null || pathInfo.length() < 2) {
      return null;
    }
    try {
      return Integer.valueOf(pathInfo.substring(1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void answer(HttpServletResponse response, int status, String json) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json);
  }
}
