package dev.vireo.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A basket ({@code ?item=N&item=M}): one backend call per item, in item order, stopping at the first refusal. */
class BasketTest {

  private static final Pattern RESERVATION = Pattern.compile("\"reservation\":\"(r-\\d+-\\d+)\"");

  private static final BlockingQueue<String> consumedItems = new LinkedBlockingQueue<>();
  private static Shop shop;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startShop() throws Exception {
    shop = Shop.start(ShopOptions.parse("--frontend.port=0", "--inventory.stock=2"),
        (itemId, orderJson) -> consumedItems.add(itemId));
  }

  @AfterAll
  static void stopShop() throws Exception {
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  void basketOrdersEveryItemInTurn() throws Exception {
    consumedItems.clear();
    HttpResponse<String> response = get("/checkout?item=1&item=2");

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> reservations = reservationsIn(response.body());
    assertThat(reservations).hasSize(2);
    assertThat(response.body()).isEqualTo("{\"status\":\"ordered\",\"orders\":["
        + "{\"item\":{\"id\":1,\"name\":\"Espresso beans 1kg\",\"priceCents\":2490},\"reservation\":\""
        + reservations.get(0) + "\"},"
        + "{\"item\":{\"id\":2,\"name\":\"Burr grinder\",\"priceCents\":12900},\"reservation\":\""
        + reservations.get(1) + "\"}]}");
    assertThat(consumedItems.poll(30, TimeUnit.SECONDS)).isEqualTo("1");
    assertThat(consumedItems.poll(30, TimeUnit.SECONDS)).isEqualTo("2");
  }

  @Test
  void basketStopsAtTheFirstItemTheBackendRefuses() throws Exception {
    consumedItems.clear();
    HttpResponse<String> response = get("/checkout?item=3&item=3&item=3&item=4");

    // two units of item 3 in stock: the first two are ordered, the third is refused and item 4 never asked for
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).isEqualTo(
        "{\"status\":\"failed\",\"backendStatus\":409,\"backend\":{\"error\":\"item 3 is sold out\"}}");
    assertThat(consumedItems.poll(30, TimeUnit.SECONDS)).isEqualTo("3");
    assertThat(consumedItems.poll(30, TimeUnit.SECONDS)).isEqualTo("3");
    assertThat(get("/checkout?item=4").statusCode()).as("item 4 still has its whole stock").isEqualTo(200);
    assertThat(get("/checkout?item=4").statusCode()).isEqualTo(200);
    assertThat(consumedItems.poll(30, TimeUnit.SECONDS)).isEqualTo("4");
    assertThat(consumedItems.poll(30, TimeUnit.SECONDS)).isEqualTo("4");
  }

  @Test
  void oneMalformedItemRefusesTheWholeBasket() throws Exception {
    HttpResponse<String> response = get("/checkout?item=1&item=x");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"status\":\"failed\",\"error\":\"expected ?item=<number>\"}");
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(shop.frontendUrl() + pathAndQuery))
        .timeout(Duration.ofSeconds(30))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> reservationsIn(String body) {
    List<String> found = new ArrayList<>();
    Matcher matcher = RESERVATION.matcher(body);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
