package dev.vireo.benchmarks.springapp;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

@Controller
class OrderController {

  private final PurchaseOrderRepository orders;

  OrderController(PurchaseOrderRepository orders) {
    this.orders = orders;
  }

  @GetMapping("/orders/{orderId}")
  @Transactional(readOnly = true)
  String order(@PathVariable("orderId") long orderId, Model model) {
    PurchaseOrder order =
        orders.findById(orderId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("order", order);
    model.addAttribute("sameProduct", orders.findByProductNameOrderByIdAsc(order.getProduct().getName()).size());
    return "order";
  }
}
