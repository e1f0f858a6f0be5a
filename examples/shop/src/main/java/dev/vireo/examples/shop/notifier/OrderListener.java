package dev.vireo.examples.shop.notifier;

/** Told about each consumed {@code order-placed} event (key = item id, value = the event JSON). */
@FunctionalInterface
public interface OrderListener {

  void orderPlaced(String itemId, String orderJson);
}
