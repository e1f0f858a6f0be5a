package dev.vireo.benchmarks.springapp;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.math.BigDecimal;

@Entity
public class Product {

  @Id @GeneratedValue private Long id;
  private String name;
  private BigDecimal price;

  protected Product() {}

  Product(String name, BigDecimal price) {
    this.name = name;
    this.price = price;
  }

  public Long getId() { return id; }

  public String getName() { return name; }

  public BigDecimal getPrice() { return price; }
}
