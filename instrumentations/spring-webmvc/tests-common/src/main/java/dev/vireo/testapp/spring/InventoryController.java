package dev.vireo.testapp.spring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The other side of the shop's own HTTP calls. */
@RestController
public class InventoryController {

  @GetMapping("/inventory/{sku}")
  public String stock(@PathVariable("sku") String sku) {
    return sku + " in stock";
  }
}
