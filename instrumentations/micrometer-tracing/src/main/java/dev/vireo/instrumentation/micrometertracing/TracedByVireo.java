package dev.vireo.instrumentation.micrometertracing;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** The observation contexts whose operations Vireo's own instrumentations trace. */
final class TracedByVireo {

  private static final Set<String> CONTEXTS =
      new HashSet<>(
          Arrays.asList(
              // Spring Web MVC / servlet server requests (Spring 6+); Spring 5.3 has no observations
              "org.springframework.http.server.observation.ServerRequestObservationContext",
              // RestTemplate, RestClient (over HttpURLConnection, the JDK HttpClient, OkHttp)
              "org.springframework.http.client.observation.ClientRequestObservationContext",
              // Spring Kafka's send and listener observations (kafka-clients, spring-kafka modules)
              "org.springframework.kafka.support.micrometer.KafkaRecordSenderContext",
              "org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext",
              // a @Scheduled method's run (Spring 6.1+; spring-scheduling module)
              "org.springframework.scheduling.support.ScheduledTaskObservationContext"));

  private TracedByVireo() {}

  static boolean covers(Object context) {
    return context != null && CONTEXTS.contains(context.getClass().getName());
  }
}
