package dev.vireo.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Parses every document of examples/kubernetes/*.yaml and checks the fields the walk-through depends on, and that the
 * manifests agree with the build (image name and tag) and with each other (service names, ports, namespaces).
 */
class ExampleManifestsTest {

  private static final String INJECT_JAVA = "instrumentation.opentelemetry.io/inject-java";
  private static final ImageBuild BUILD = ImageBuild.load();
  private static final Path DIR = BUILD.path("examples.kubernetes.dir");

  /** file name -> documents, in order. */
  private static final Map<String, List<Map<String, Object>>> FILES = new LinkedHashMap<>();

  @BeforeAll
  static void parseEveryDocument() throws IOException {
    try (Stream<Path> paths = Files.list(DIR)) {
      for (Path file : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
          assertThat(document).as("%s: every document is a mapping", file.getFileName()).isInstanceOf(Map.class);
          documents.add(map(document));
        }
        FILES.put(file.getFileName().toString(), documents);
      }
    }
  }

  @Test
  void theWalkThroughsFilesAreAllThere() {
    assertThat(FILES.keySet())
        .containsExactlyInAnyOrder("instrumentation.yaml", "shop-deployment.yaml", "collector.yaml", "jaeger.yaml");
    assertThat(DIR.resolve("README.md")).exists();
  }

  @Test
  void everyDocumentIsAWellFormedResource() {
    FILES.forEach((file, documents) -> {
      assertThat(documents).as(file).isNotEmpty();
      for (Map<String, Object> document : documents) {
        String where = file + " " + document.get("kind") + "/" + metadata(document).get("name");
        assertThat(document.get("apiVersion")).as(where).isInstanceOf(String.class);
        assertThat(document.get("kind")).as(where).isInstanceOf(String.class);
        assertThat(metadata(document).get("name")).as(where).isInstanceOf(String.class);
        if (!"Namespace".equals(document.get("kind"))) {
          assertThat(metadata(document).get("namespace")).as(where + " namespace").isInstanceOf(String.class);
        }
        if ("Deployment".equals(document.get("kind"))) {
          assertWellFormedDeployment(where, document);
        }
        if ("Service".equals(document.get("kind"))) {
          assertThat(deploymentsSelectedBy(document)).as(where + " selects a Deployment of this example").hasSize(1);
        }
      }
    });
  }

  @Test
  void instrumentationUsesTheImageTheBuildProduces() {
    Map<String, Object> instrumentation = single("instrumentation.yaml", "Instrumentation");

    assertThat(instrumentation.get("apiVersion")).isEqualTo("opentelemetry.io/v1alpha1");
    Map<String, Object> spec = map(instrumentation.get("spec"));
    assertThat(map(spec.get("java")).get("image")).isEqualTo(BUILD.image());
    assertThat(BUILD.image()).isEqualTo(BUILD.get("image.name") + ":" + BUILD.get("image.tag"));
  }

  @Test
  void instrumentationExportsToTheCollectorsOtlpHttpPort() {
    Map<String, Object> spec = map(single("instrumentation.yaml", "Instrumentation").get("spec"));
    Map<String, Object> collector = named("collector.yaml", "Service", "otel-collector");
    String host = metadata(collector).get("name") + "." + metadata(collector).get("namespace") + ".svc.cluster.local";

    assertThat(map(spec.get("exporter")).get("endpoint")).isEqualTo("http://" + host + ":4318");
    assertThat(servicePorts(collector)).contains(4317, 4318);
  }

  @Test
  void everyShopDeploymentAsksForJavaInjectionInTheInstrumentationsNamespace() {
    String instrumentationNamespace = (String) metadata(single("instrumentation.yaml", "Instrumentation"))
        .get("namespace");
    List<Map<String, Object>> deployments = ofKind("shop-deployment.yaml", "Deployment");
    assertThat(deployments).hasSize(2);

    for (Map<String, Object> deployment : deployments) {
      Map<String, Object> annotations = map(metadata(podTemplate(deployment)).get("annotations"));
      // Exactly this key and the string "true" (an unquoted YAML true would be a boolean, which the API rejects).
      assertThat(annotations).containsExactly(Map.entry(INJECT_JAVA, "true"));
      assertThat(metadata(deployment).get("namespace")).isEqualTo(instrumentationNamespace);
    }
  }

  @Test
  void noManifestMisspellsAnOperatorAnnotation() {
    FILES.forEach((file, documents) -> documents.stream()
        .filter(document -> "Deployment".equals(document.get("kind")))
        .map(document -> metadata(podTemplate(document)).get("annotations"))
        .filter(annotations -> annotations != null)
        .flatMap(annotations -> map(annotations).keySet().stream())
        .filter(key -> key.startsWith("instrumentation.opentelemetry.io/"))
        .forEach(key -> assertThat(key).as(file).isEqualTo(INJECT_JAVA)));
  }

  @Test
  void collectorReceivesOtlpAndForwardsTracesToJaeger() {
    Map<String, Object> configMap = named("collector.yaml", "ConfigMap", "otel-collector-config");
    Map<String, Object> config = new Yaml().load((String) map(configMap.get("data")).get("config.yaml"));
    Map<String, Object> jaeger = named("jaeger.yaml", "Service", "jaeger");
    String jaegerOtlp = metadata(jaeger).get("name") + "." + metadata(jaeger).get("namespace")
        + ".svc.cluster.local:4317";

    Map<String, Object> protocols = map(map(map(config.get("receivers")).get("otlp")).get("protocols"));
    assertThat(map(protocols.get("grpc")).get("endpoint")).isEqualTo("0.0.0.0:4317");
    assertThat(map(protocols.get("http")).get("endpoint")).isEqualTo("0.0.0.0:4318");
    assertThat(map(map(config.get("exporters")).get("otlp/jaeger")).get("endpoint")).isEqualTo(jaegerOtlp);
    assertThat(servicePorts(jaeger)).contains(4317, 16686);
    Map<String, Object> traces = map(map(map(config.get("service")).get("pipelines")).get("traces"));
    assertThat(list(traces.get("receivers"))).containsExactly("otlp");
    assertThat(list(traces.get("exporters"))).contains("otlp/jaeger");

    Map<String, Object> collector = named("collector.yaml", "Deployment", "otel-collector");
    List<Map<String, Object>> volumes = list(map(podTemplate(collector).get("spec")).get("volumes"));
    assertThat(map(volumes.get(0).get("configMap")).get("name")).isEqualTo(metadata(configMap).get("name"));
  }

  @Test
  void readmeUsesTheBuiltTarballAndImageName() throws IOException {
    String readme = Files.readString(DIR.resolve("README.md"));

    assertThat(readme)
        .contains("agent-image/target/vireo-agent-image.tar")
        .contains("agent-image/target/vireo-agent-image-docker.tar")
        .contains(BUILD.image())
        .contains(INJECT_JAVA);
  }

  private static void assertWellFormedDeployment(String where, Map<String, Object> deployment) {
    Map<String, Object> spec = map(deployment.get("spec"));
    Map<String, Object> selector = map(map(spec.get("selector")).get("matchLabels"));
    Map<String, Object> labels = map(metadata(podTemplate(deployment)).get("labels"));
    assertThat(labels).as(where + " pod labels match the selector").containsAllEntriesOf(selector);
    List<Map<String, Object>> containers = list(map(podTemplate(deployment).get("spec")).get("containers"));
    assertThat(containers).as(where).isNotEmpty();
    for (Map<String, Object> container : containers) {
      assertThat(container.get("name")).as(where).isInstanceOf(String.class);
      assertThat((String) container.get("image")).as(where).matches("[a-z0-9./-]+:[A-Za-z0-9._-]+");
    }
  }

  /** Deployments in the same file and namespace whose pod labels contain the Service's selector. */
  private static List<Map<String, Object>> deploymentsSelectedBy(Map<String, Object> service) {
    Map<String, Object> selector = map(map(service.get("spec")).get("selector"));
    return FILES.values().stream().flatMap(List::stream)
        .filter(document -> "Deployment".equals(document.get("kind")))
        .filter(document -> metadata(document).get("namespace").equals(metadata(service).get("namespace")))
        .filter(document -> map(metadata(podTemplate(document)).get("labels")).entrySet()
            .containsAll(selector.entrySet()))
        .toList();
  }

  private static List<Integer> servicePorts(Map<String, Object> service) {
    List<Map<String, Object>> ports = list(map(service.get("spec")).get("ports"));
    return ports.stream().map(port -> (Integer) port.get("port")).toList();
  }

  private static Map<String, Object> single(String file, String kind) {
    List<Map<String, Object>> found = ofKind(file, kind);
    assertThat(found).as(file + " " + kind).hasSize(1);
    return found.get(0);
  }

  private static Map<String, Object> named(String file, String kind, String name) {
    return ofKind(file, kind).stream().filter(document -> name.equals(metadata(document).get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in " + file));
  }

  private static List<Map<String, Object>> ofKind(String file, String kind) {
    assertThat(FILES).containsKey(file);
    return FILES.get(file).stream().filter(document -> kind.equals(document.get("kind"))).toList();
  }

  private static Map<String, Object> podTemplate(Map<String, Object> deployment) {
    return map(map(deployment.get("spec")).get("template"));
  }

  private static Map<String, Object> metadata(Map<String, Object> document) {
    return map(document.get("metadata"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<T>) value;
  }
}
