package dev.vireo.examples.shop.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The backend's JDBC layer against both databases it supports; PostgreSQL runs on 127.0.0.1:5432 (db test). */
class ItemRepositoryTest {

  @Test
  void h2InMemoryIsCreatedSeededAndQueried() throws Exception {
    try (ItemRepository items = ItemRepository.open("jdbc:h2:mem:item-repository-test;DB_CLOSE_DELAY=-1", null, null)) {
      assertThat(items.find(2)).contains(new Item(2, "Burr grinder", 12900));
      assertThat(items.find(99)).isEmpty();
    }
  }

  @Test
  void postgresqlIsCreatedSeededAndQueried() throws Exception {
    try (ItemRepository items = ItemRepository.open("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null)) {
      assertThat(items.find(4)).contains(new Item(4, "Tamper", 3200));
      assertThat(items.find(99)).isEmpty();
    }
    // Opening again finds the seeded table and does not insert the rows twice (the primary key would refuse).
    try (ItemRepository items = ItemRepository.open("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null)) {
      assertThat(items.find(1)).contains(new Item(1, "Espresso beans 1kg", 2490));
    }
  }
}
