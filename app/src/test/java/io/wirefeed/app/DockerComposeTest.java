package io.wirefeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No Docker engine runs here, so the compose file is checked by parsing it. */
class DockerComposeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static JsonNode compose() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(ROOT.resolve("docker-compose.yml")));
  }

  @Test
  void runsAKraftBrokerFromTheOfficialImage() throws Exception {
    JsonNode kafka = compose().path("services").path("kafka");
    assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
    JsonNode env = kafka.path("environment");
    assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    assertThat(env.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
    assertThat(kafka.path("healthcheck").path("test").toString()).contains("kafka-broker-api-versions");
  }

  @Test
  void topicInitCreatesEveryTopicOnceTheBrokerIsHealthy() throws Exception {
    JsonNode init = compose().path("services").path("topic-init");
    assertThat(init.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
    assertThat(init.path("restart").asText()).isEqualTo("no");
    String script = init.path("command").toString();
    for (String topic : List.of("wirefeed.raw.v1", "wirefeed.articles.v1", "wirefeed.dlq.v1",
        "wirefeed.ingest-state.v1", "wirefeed.quotes.v1")) {
      assertThat(script).contains("--topic " + topic);
    }
    assertThat(script).contains("wirefeed.articles.v1 --partitions 3 --config cleanup.policy=compact");
    assertThat(script).contains("wirefeed.ingest-state.v1 --partitions 1 --config cleanup.policy=compact");
  }

  @Test
  void ingestAndNormalizeServicesRunTheSameJarAgainstTheBroker() throws Exception {
    JsonNode services = compose().path("services");
    List<String> commands = new ArrayList<>();
    for (String name : List.of("ingest", "normalize")) {
      JsonNode s = services.path(name);
      assertThat(s.path("build").asText()).as(name).isEqualTo(".");
      assertThat(s.path("image").asText()).as(name).isEqualTo("wirefeed:latest");
      assertThat(s.path("environment").path("WIREFEED_KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
      assertThat(s.path("depends_on").path("topic-init").path("condition").asText())
          .isEqualTo("service_completed_successfully");
      commands.add(s.path("command").get(0).asText());
    }
    assertThat(commands).containsExactly("ingest", "normalize");
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(dockerfile).contains("./mvnw").contains("wirefeed.jar").contains("ENTRYPOINT");
  }

  @Test
  void everyEnvironmentVariableInComposeIsOneTheConfigReads() throws Exception {
    JsonNode services = compose().path("services");
    List<String> known = ConfigLoader.SCALARS.stream().map(ConfigLoader::envName).toList();
    for (String name : List.of("ingest", "normalize")) {
      services.path(name).path("environment").fieldNames().forEachRemaining(var -> {
        if (!var.startsWith("WIREFEED_LOG_") && !var.equals("WIREFEED_CONFIG")) {
          assertThat(known).as(name + " " + var).contains(var);
        }
      });
    }
  }
}
