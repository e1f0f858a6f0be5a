package dev.vireo.testapp.springscheduling;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * A plain Spring context (no Boot) with scheduling on, the {@link Jobs} bean and a task scheduled by the application
 * itself, {@link CacheRefresh}, and a lambda, every second.
 */
@Configuration
@EnableScheduling
public class JobsConfiguration implements SchedulingConfigurer {

  /** Runs of the lambda the application schedules. */
  public static final AtomicInteger LAMBDA_RUNS = new AtomicInteger();

  @Bean
  public Jobs jobs() {
    return new Jobs();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addCronTask(new CacheRefresh(), "* * * * * *");
    registrar.addCronTask(() -> LAMBDA_RUNS.incrementAndGet(), "* * * * * *");
  }
}
