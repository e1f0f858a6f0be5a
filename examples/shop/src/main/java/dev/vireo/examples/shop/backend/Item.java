package dev.vireo.examples.shop.backend;

import dev.vireo.examples.shop.JsonText;

/** A row of table {@code items}. */
public record Item(int id, String name, int priceCents) {

  String toJson() {
    return "{\"id\":" + id + ",\"name\":" + JsonText.quote(name) + ",\"priceCents\":" + priceCents + "}";
  }
}
