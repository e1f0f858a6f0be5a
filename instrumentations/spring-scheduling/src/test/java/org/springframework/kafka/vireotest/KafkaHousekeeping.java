package org.springframework.kafka.vireotest;

/** Stands for a task Spring Kafka schedules for itself (its package is what tells). */
public final class KafkaHousekeeping implements Runnable {
  @Override
  public void run() {}
}
