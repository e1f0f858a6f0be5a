package dev.vireo.testapp.springdata4;

import java.util.List;
import org.springframework.data.repository.CrudRepository;

public interface BasketRepository extends CrudRepository<Basket, Long> {

  List<Basket> findByOwner(String owner);
}
