package io.wirefeed.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * An in-process single-node KRaft Kafka broker (combined broker + controller) built from Apache Kafka's own
 * server classes, for the one-process run/demo mode and for tests.
 *
 * <p>The data directory survives restarts: it is formatted once and its cluster id reused afterwards.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final String HOST = "127.0.0.1";
  private static final int START_ATTEMPTS = 3;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker on {@code dataDir} with listener ports chosen by the OS. */
  public static EmbeddedKafka start(Path dataDir) {
    return start(dataDir, 0);
  }

  /**
   * Starts a broker on {@code dataDir}; {@code port} is the client (PLAINTEXT) port, 0 for one chosen by the OS.
   * Returns once the broker answers an Admin request.
   *
   * @throws IllegalStateException when the broker cannot be started
   */
  public static EmbeddedKafka start(Path dataDir, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Invalid port: " + port);
    }
    Path dir = dataDir.toAbsolutePath().normalize();
    if (port != 0 && !isFree(port)) {
      // Checked up front: the broker would find out only after starting its controller, with a worse message.
      throw new IllegalStateException("Cannot start embedded Kafka in " + dir + ": port " + port + " on " + HOST
          + " is already in use");
    }
    // A fatal broker error calls Exit.halt/exit, which would kill the host JVM (the app, or the test runner).
    installThrowingExitProcedures();
    String clusterId = formatIfNeeded(dir);
    RuntimeException last = null;
    // The controller port must be written into controller.quorum.voters before binding, so it is reserved
    // from the OS and released; another process can grab it in between, hence a few attempts.
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      int brokerPort = port == 0 ? freePort() : port;
      int controllerPort = freePort();
      KafkaRaftServer server = new KafkaRaftServer(
          KafkaConfig.fromProps(brokerProperties(dir, brokerPort, controllerPort), false), Time.SYSTEM);
      try {
        server.startup();
        String bootstrap = HOST + ":" + brokerPort;
        awaitReady(bootstrap, clusterId);
        return new EmbeddedKafka(server, bootstrap);
      } catch (RuntimeException e) {
        last = e;
        stopQuietly(server);
        if (!isBindFailure(e)) {
          break;
        }
      }
    }
    throw new IllegalStateException("Cannot start embedded Kafka in " + dir + ": " + last.getMessage(), last);
  }

  /** The {@code host:port} clients connect to. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Shuts the broker down and waits for it; the data directory is kept. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopQuietly(server);
  }

  private static void stopQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      // Shutting down a half-started server can fail on the parts that never started; nothing to recover.
    }
  }

  static Properties brokerProperties(Path dir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.putAll(Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", String.valueOf(NODE_ID)),
        Map.entry("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort),
        Map.entry("controller.listener.names", CONTROLLER_LISTENER),
        Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST
            + ":" + controllerPort),
        Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("log.dirs", dir.toString()),
        Map.entry("metadata.log.dir", dir.toString()),
        Map.entry("auto.create.topics.enable", "false"),
        Map.entry("num.partitions", "1"),
        Map.entry("default.replication.factor", "1"),
        Map.entry("min.insync.replicas", "1"),
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "4"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("transaction.state.log.num.partitions", "4"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("share.coordinator.state.topic.num.partitions", "1"),
        // One consumer joining an empty group should not wait the default 3 s for company.
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        // The default 128 MiB dedupe buffer is allocated on the heap as soon as a compacted topic exists.
        Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024)),
        // A laptop-sized broker: the defaults assume a server with many cores.
        Map.entry("num.network.threads", "2"),
        Map.entry("num.io.threads", "2"),
        Map.entry("background.threads", "2"),
        Map.entry("num.recovery.threads.per.data.dir", "1"),
        Map.entry("num.replica.fetchers", "1")));
    return p;
  }

  /** Formats {@code dir} on first use; afterwards returns the cluster id recorded in its meta.properties. */
  static String formatIfNeeded(Path dir) {
    Path meta = dir.resolve("meta.properties");
    if (Files.isRegularFile(meta)) {
      Properties props = new Properties();
      try (InputStream in = Files.newInputStream(meta)) {
        props.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + meta, e);
      }
      String clusterId = props.getProperty("cluster.id");
      if (clusterId == null || clusterId.isBlank()) {
        throw new IllegalStateException("Invalid " + meta + ": no cluster.id");
      }
      return clusterId;
    }
    String clusterId = Uuid.randomUuid().toString();
    try {
      Files.createDirectories(dir);
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
          .setNodeId(NODE_ID)
          .setClusterId(clusterId)
          .setDirectories(List.of(dir.toString()))
          .setMetadataLogDirectory(dir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format Kafka storage in " + dir + ": " + e.getMessage(), e);
    }
    return clusterId;
  }

  private static void awaitReady(String bootstrap, String clusterId) {
    Map<String, Object> conf = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(conf)) {
      var cluster = admin.describeCluster();
      String answered = cluster.clusterId().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      int nodes = cluster.nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
      if (!clusterId.equals(answered) || nodes != 1) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "Broker at %s is not the one started: cluster %s with %d nodes, expected %s", bootstrap, answered,
            nodes, clusterId));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the broker at " + bootstrap, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Broker at " + bootstrap + " did not answer: " + e.getMessage(), e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot get a free port from the OS", e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return true;
      }
    }
    return false;
  }

  private static void installThrowingExitProcedures() {
    Exit.setExitProcedure((status, message) -> {
      throw new IllegalStateException("Embedded Kafka asked to exit(" + status + "): " + message);
    });
    Exit.setHaltProcedure((status, message) -> {
      throw new IllegalStateException("Embedded Kafka asked to halt(" + status + "): " + message);
    });
  }
}
