package dev.vireo.examples.shop;

import dev.vireo.examples.shop.notifier.Notifier;
import dev.vireo.examples.shop.notifier.OrderListener;
import java.util.concurrent.TimeUnit;

/**
 * Runs the notifier service (Kafka consumer of {@code order-placed}, group {@code notifier}).
 *
 * <p>Settings: {@code kafka.bootstrap} (required). Prints {@code READY notifier group=notifier topic=order-placed}
 * once the group has assigned it the topic's partitions (at most 60 s after start).
 */
public final class NotifierMain {

  private NotifierMain() {}

  public static void main(String[] args) throws Exception {
    ShopOptions options = ShopOptions.parse(args);
    Notifier notifier = start(options, (itemId, orderJson) -> { });
    ServiceLifecycle.runUntilShutdown("notifier", notifier);
  }

  static Notifier start(ShopOptions options, OrderListener listener) throws Exception {
    Notifier notifier = Notifier.start(options.require(ShopOptions.KAFKA_BOOTSTRAP), listener);
    try {
      notifier.assigned().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      notifier.close();
      throw e;
    }
    ReadyLine.announce("notifier", "group", Notifier.GROUP, "topic", Notifier.TOPIC);
    return notifier;
  }
}
