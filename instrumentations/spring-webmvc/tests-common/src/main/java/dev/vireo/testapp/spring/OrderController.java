package dev.vireo.testapp.spring;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Annotated controller: path variables, exceptions in each of Spring's ways. Status codes are ints:
 * the HttpStatus overloads of Spring 6 take HttpStatusCode, which Spring 5.3 lacks.
 */
@RestController
@RequestMapping("/orders")
public class OrderController {

  @GetMapping("/{orderId}")
  public String order(@PathVariable("orderId") String orderId) {
    return "order " + orderId;
  }

  /** Nobody handles it: Spring rethrows, the container answers 500 through Boot's error page. */
  @GetMapping("/{orderId}/broken")
  public String broken(@PathVariable("orderId") String orderId) {
    throw new IllegalStateException("order " + orderId + " is broken");
  }

  /** The {@code @ExceptionHandler} below turns it into a 400. */
  @GetMapping("/{orderId}/invalid")
  public String invalid(@PathVariable("orderId") String orderId) {
    throw new IllegalArgumentException("order " + orderId + " is invalid");
  }

  /** Spring's ResponseStatusExceptionResolver turns it into a 503. */
  @GetMapping("/{orderId}/unavailable")
  public String unavailable(@PathVariable("orderId") String orderId) {
    throw new ResponseStatusException(503, "order service paused", null);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<String> rejected(IllegalArgumentException e) {
    return ResponseEntity.status(400).body(e.getMessage());
  }
}
