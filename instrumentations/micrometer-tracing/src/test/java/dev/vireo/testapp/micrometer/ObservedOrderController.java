package dev.vireo.testapp.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Answers inside an observation of the application's own. */
@RestController
public class ObservedOrderController {

  private final ObservationRegistry observations;

  ObservedOrderController(ObservationRegistry observations) {
    this.observations = observations;
  }

  @GetMapping("/orders/{orderId}")
  public String order(@PathVariable("orderId") String orderId) {
    // Vireo has no span for this one: the bridge keeps its.
    return Observation.createNotStarted("vireo.custom.work", observations).observe(() -> "order " + orderId);
  }
}
