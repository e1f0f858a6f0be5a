package dev.vireo.testapp.spring;

import org.junit.jupiter.api.Test;
import org.springframework.http.client.OkHttp3ClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/**
 * The Spring Web MVC scenarios on Spring Boot 3 with embedded Tomcat 10.1, plus the OkHttp request
 * factory (Spring 6 only: Spring 7 dropped it).
 */
class Boot3TomcatTest extends SpringWebMvcClientScenarios {

  @Test
  @SuppressWarnings("removal")
  void restClientOverOkHttpIsOneClientSpan() {
    assertOneClientSpan(restClient(new OkHttp3ClientHttpRequestFactory()));
  }

  @Test
  @SuppressWarnings("removal")
  void restTemplateOverOkHttpIsOneClientSpan() {
    assertOneClientSpan(new RestTemplate(new OkHttp3ClientHttpRequestFactory())::getForObject);
  }
}
