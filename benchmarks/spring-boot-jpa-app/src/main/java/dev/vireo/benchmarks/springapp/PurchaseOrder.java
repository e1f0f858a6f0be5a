package dev.vireo.benchmarks.springapp;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

@Entity
public class PurchaseOrder {

  @Id @GeneratedValue private Long id;
  @ManyToOne(optional = false) private Product product;
  private int quantity;

  protected PurchaseOrder() {}

  PurchaseOrder(Product product, int quantity) {
    this.product = product;
    this.quantity = quantity;
  }

  public Long getId() { return id; }

  public Product getProduct() { return product; }

  public int getQuantity() { return quantity; }

  public BigDecimal getTotal() { return product.getPrice().multiply(BigDecimal.valueOf(quantity)); }
}
