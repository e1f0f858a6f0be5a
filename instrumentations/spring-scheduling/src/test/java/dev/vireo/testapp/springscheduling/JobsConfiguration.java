package dev.vireo.testapp.springscheduling;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A plain Spring context (no Boot) with scheduling on and the {@link Jobs} bean. */
@Configuration
@EnableScheduling
public class JobsConfiguration {

  @Bean
  public Jobs jobs() {
    return new Jobs();
  }
}
