package dev.vireo.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole shop in this JVM (in-process Kafka, H2): real HTTP, JDBC, gRPC and Kafka calls, no tracing.
 *
 * <p>Every item starts with ONE unit of stock, so each test orders items no other test orders.
 */
class ShopTest {

  private static final Pattern RESERVATION = Pattern.compile("\"reservation\":\"(r-\\d+-\\d+)\"");

  private static final BlockingQueue<String[]> consumedOrders = new LinkedBlockingQueue<>();
  private static Shop shop;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startShop() throws Exception {
    shop = Shop.start(ShopOptions.parse("--frontend.port=0", "--inventory.stock=1"),
        (itemId, orderJson) -> consumedOrders.add(new String[] {itemId, orderJson}));
  }

  @AfterAll
  static void stopShop() throws Exception {
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  void checkoutOrdersTheItemAndTheNotifierConsumesTheOrder() throws Exception {
    HttpResponse<String> response = get("/checkout?item=1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    String reservation = reservationIn(response.body());
    assertThat(response.body()).isEqualTo("{\"status\":\"ordered\",\"order\":{\"item\":"
        + "{\"id\":1,\"name\":\"Espresso beans 1kg\",\"priceCents\":2490},\"reservation\":\"" + reservation + "\"}}");
    assertThat(reservation).startsWith("r-1-");

    String[] order = consumedOrders.poll(30, TimeUnit.SECONDS);
    assertThat(order).as("order consumed by the notifier").isNotNull();
    assertThat(order[0]).isEqualTo("1");
    assertThat(order[1]).isEqualTo("{\"itemId\":1,\"name\":\"Espresso beans 1kg\",\"priceCents\":2490,"
        + "\"reservation\":\"" + reservation + "\"}");
  }

  @Test
  void unknownItemAnswers404AndPublishesNoOrder() throws Exception {
    HttpResponse<String> unknown = get("/checkout?item=99");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body())
        .isEqualTo("{\"status\":\"failed\",\"backendStatus\":404,\"backend\":{\"error\":\"no item 99\"}}");

    // Orders are consumed in publication order (one partition): the next one must be item 2, not 99.
    consumedOrders.clear();
    HttpResponse<String> known = get("/checkout?item=2");
    assertThat(known.statusCode()).isEqualTo(200);
    String[] order = consumedOrders.poll(30, TimeUnit.SECONDS);
    assertThat(order).isNotNull();
    assertThat(order[0]).isEqualTo("2");
  }

  @Test
  void secondOrderOfTheLastUnitIsRefusedAsSoldOut() throws Exception {
    assertThat(get("/checkout?item=3").statusCode()).isEqualTo(200);

    HttpResponse<String> soldOut = get("/checkout?item=3");
    assertThat(soldOut.statusCode()).isEqualTo(409);
    assertThat(soldOut.body()).isEqualTo(
        "{\"status\":\"failed\",\"backendStatus\":409,\"backend\":{\"error\":\"item 3 is sold out\"}}");
  }

  @Test
  void malformedItemAnswers400WithoutCallingTheBackend() throws Exception {
    HttpResponse<String> response = get("/checkout?item=abc");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"status\":\"failed\",\"error\":\"expected ?item=<number>\"}");
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(shop.frontendUrl() + pathAndQuery))
        .timeout(Duration.ofSeconds(30))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String reservationIn(String body) {
    Matcher matcher = RESERVATION.matcher(body);
    assertThat(matcher.find()).as("reservation in %s", body).isTrue();
    return matcher.group(1);
  }
}
