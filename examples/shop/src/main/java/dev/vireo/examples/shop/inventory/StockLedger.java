package dev.vireo.examples.shop.inventory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory stock per item: every known item starts with the same quantity; reserving takes one unit. */
final class StockLedger {

  private final ConcurrentMap<Integer, AtomicInteger> stock = new ConcurrentHashMap<>();
  private final AtomicLong reservations = new AtomicLong();
  private final int initialQuantity;

  StockLedger(int initialQuantity) {
    this.initialQuantity = initialQuantity;
  }

  /** A new reservation id, or null when the item is sold out. */
  String reserve(int itemId) {
    AtomicInteger left = stock.computeIfAbsent(itemId, id -> new AtomicInteger(initialQuantity));
    while (true) {
      int current = left.get();
      if (current <= 0) {
        return null;
      }
      if (left.compareAndSet(current, current - 1)) {
        return "r-" + itemId + "-" + reservations.incrementAndGet();
      }
    }
  }
}
