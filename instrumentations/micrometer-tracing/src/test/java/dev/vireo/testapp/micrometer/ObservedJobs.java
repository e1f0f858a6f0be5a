package dev.vireo.testapp.micrometer;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** A scheduled method: Spring observes each run, and Vireo traces it too. */
@Component
public class ObservedJobs {

  @Scheduled(fixedDelay = 50)
  public void refresh() {}
}
