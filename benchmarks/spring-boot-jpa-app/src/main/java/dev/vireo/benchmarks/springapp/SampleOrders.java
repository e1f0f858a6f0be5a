package dev.vireo.benchmarks.springapp;

import java.math.BigDecimal;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A few rows, written at start-up as a real service would migrate or seed its database. */
@Component
class SampleOrders implements ApplicationRunner {

  private final ProductRepository products;
  private final PurchaseOrderRepository orders;

  SampleOrders(ProductRepository products, PurchaseOrderRepository orders) {
    this.products = products;
    this.orders = orders;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    Product kettle = products.save(new Product("kettle", new BigDecimal("39.90")));
    Product teapot = products.save(new Product("teapot", new BigDecimal("24.50")));
    for (int i = 1; i <= 4; i++) {
      orders.save(new PurchaseOrder(i % 2 == 0 ? teapot : kettle, i));
    }
  }
}
