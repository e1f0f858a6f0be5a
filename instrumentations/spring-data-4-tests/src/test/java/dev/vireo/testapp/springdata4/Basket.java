package dev.vireo.testapp.springdata4;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Basket {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String owner;

  protected Basket() {}

  public Basket(String owner) {
    this.owner = owner;
  }

  public Long getId() {
    return id;
  }
}
