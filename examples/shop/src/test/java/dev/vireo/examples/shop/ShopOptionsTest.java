package dev.vireo.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShopOptionsTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty("shop.backend.url");
  }

  @Test
  void argumentSpellingsAllNameTheSameSetting() {
    assertThat(ShopOptions.parse("--jdbc-url=jdbc:h2:mem:a").get(ShopOptions.JDBC_URL, null))
        .isEqualTo("jdbc:h2:mem:a");
    assertThat(ShopOptions.parse("--shop.jdbc.url=jdbc:h2:mem:b").get(ShopOptions.JDBC_URL, null))
        .isEqualTo("jdbc:h2:mem:b");
    assertThat(ShopOptions.parse("--jdbc.url", "jdbc:h2:mem:c").get(ShopOptions.JDBC_URL, null))
        .isEqualTo("jdbc:h2:mem:c");
  }

  @Test
  void argumentWinsOverSystemPropertyWhichWinsOverDefault() {
    System.setProperty("shop.backend.url", "http://from-property");

    assertThat(ShopOptions.parse().get(ShopOptions.BACKEND_URL, "http://default")).isEqualTo("http://from-property");
    assertThat(ShopOptions.parse("--backend.url=http://from-arg").get(ShopOptions.BACKEND_URL, "http://default"))
        .isEqualTo("http://from-arg");
    System.clearProperty("shop.backend.url");
    assertThat(ShopOptions.parse().get(ShopOptions.BACKEND_URL, "http://default")).isEqualTo("http://default");
  }

  @Test
  void missingRequiredSettingNamesAllThreeSpellings() {
    assertThatThrownBy(() -> ShopOptions.parse().require(ShopOptions.INVENTORY_TARGET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Missing setting inventory.target: pass --inventory.target=..., -Dshop.inventory.target=... "
            + "or SHOP_INVENTORY_TARGET=...");
  }

  @Test
  void positionalArgumentsAreRejected() {
    assertThatThrownBy(() -> ShopOptions.parse("8080")).isInstanceOf(IllegalArgumentException.class);
  }
}
