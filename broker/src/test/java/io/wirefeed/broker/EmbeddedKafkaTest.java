package io.wirefeed.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {
  private static final String TOPIC = "wire.test";

  @TempDir
  Path dataDir;

  @Test
  void keepsRecordsAcrossRestartOnTheSameDirectory() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir)) {
      assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
      try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
        producer.send(new ProducerRecord<>(TOPIC, "afp-1", "PARIS, 3 mars (AFP) -- Le texte.")).get(30, TimeUnit.SECONDS);
      }
      assertThat(readAll(kafka.bootstrapServers())).containsExactly("afp-1=PARIS, 3 mars (AFP) -- Le texte.");
    }

    try (EmbeddedKafka restarted = EmbeddedKafka.start(dataDir)) {
      assertThat(readAll(restarted.bootstrapServers())).containsExactly("afp-1=PARIS, 3 mars (AFP) -- Le texte.");
    }
  }

  @Test
  void refusesTopicAutoCreation() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir);
        Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      try (KafkaConsumer<String, String> consumer = consumer(kafka.bootstrapServers())) {
        assertThat(consumer.partitionsFor("never.created", Duration.ofSeconds(2))).isEmpty();
      }
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("never.created");
    }
  }

  @Test
  void listensOnTheRequestedPort() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }

    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port)) {
      assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
    }
  }

  @Test
  void portAlreadyInUseFailsWithTheDirectoryAndPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, taken.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Cannot start embedded Kafka in " + dataDir.toAbsolutePath())
          .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap) {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"),
        new StringDeserializer(), new StringDeserializer());
  }

  /** Reads partition 0 from the beginning to its end offset, with a deadline. */
  private static List<String> readAll(String bootstrap) {
    List<String> out = new ArrayList<>();
    TopicPartition tp = new TopicPartition(TOPIC, 0);
    try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (consumer.position(tp) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          out.add(r.key() + "=" + r.value());
        }
      }
    }
    return out;
  }
}
