package dev.vireo.testapp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vireo.testing.agent.AgentTesting;
import dev.vireo.testing.agent.Trace;
import dev.vireo.testing.agent.Traces;
import io.opentelemetry.api.trace.SpanKind;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The scenarios of Spring 6.1+: RestClient (the shop's own call from one controller to another, and
 * each request factory from the test thread) and the JDK HttpClient request factory.
 */
public abstract class SpringWebMvcClientScenarios extends SpringWebMvcScenarios {

  @Test
  void restClientCallToAnotherControllerIsOneTraceOfTwoServerSpansAndOneClientSpan() throws Exception {
    UntracedHttp.Response response = UntracedHttp.get(port(), base() + "/orders/5/summary");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("order 5: sku-5 in stock");

    Traces traces = AgentTesting.waitForSpans(3);
    assertThat(traces.size()).as("traces: %s", traces).isEqualTo(1);
    Trace trace = traces.trace(0);
    assertThat(trace.size()).as("spans: %s", trace).isEqualTo(3);
    trace.span(0).hasKind(SpanKind.SERVER).hasName("GET " + base() + "/orders/{orderId}/summary").hasNoParent();
    trace.span(1).hasKind(SpanKind.CLIENT).hasName("GET").hasParent(trace.get(0));
    trace.span(2).hasKind(SpanKind.SERVER).hasName("GET " + base() + "/inventory/{sku}").hasParent(trace.get(1));
  }

  @Test
  void restClientOverHttpUrlConnectionIsOneClientSpan() throws Exception {
    assertOneClientSpan(restClient(new SimpleClientHttpRequestFactory()));
  }

  @Test
  void restClientOverJdkHttpClientIsOneClientSpan() throws Exception {
    assertOneClientSpan(restClient(new JdkClientHttpRequestFactory()));
  }

  @Test
  void restTemplateOverJdkHttpClientIsOneClientSpan() throws Exception {
    assertOneClientSpan(new RestTemplate(new JdkClientHttpRequestFactory())::getForObject);
  }

  protected static Get restClient(ClientHttpRequestFactory factory) {
    RestClient client = RestClient.builder().requestFactory(factory).build();
    return (url, type, variables) -> client.get().uri(url, variables).retrieve().body(type);
  }
}
