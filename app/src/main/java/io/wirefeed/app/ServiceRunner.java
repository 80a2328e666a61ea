package io.wirefeed.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs pipeline stages as a long-lived service until SIGTERM / Ctrl-C, then shuts down gracefully. */
final class ServiceRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

  private ServiceRunner() {}

  static int run(ServiceOptions options, Set<Pipeline.Stage> stages) {
    WirefeedConfig config;
    try {
      config = ConfigLoader.load(options.configFile(bundledRunConfig()), System.getenv());
    } catch (ConfigLoader.ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("cannot read the bundled configuration: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Pipeline pipeline;
    try {
      pipeline = Pipeline.start(config, stages, new LoggingListener());
    } catch (Exception e) {
      LOG.error("could not start: {}", e.toString(), e);
      return 1;
    }
    Thread hook = new Thread(() -> {
      LOG.info("stopping: finishing in-flight work");
      pipeline.close();
      stopped.countDown();
    }, "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    LOG.info("running {} on {} with {} feeds; Ctrl-C to stop", stages, pipeline.bootstrapServers(),
        config.feeds().size());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The bundled default run configuration, copied to a temp file so that the loader reads it like any file. */
  static Path bundledRunConfig() throws IOException {
    Path tmp = Files.createTempFile("wirefeed-run", ".yaml");
    tmp.toFile().deleteOnExit();
    try (InputStream in = ServiceRunner.class.getResourceAsStream("/wirefeed-run.yaml")) {
      Files.write(tmp, in.readAllBytes());
    }
    return tmp;
  }

  /** Logs what lands, one line per fact. */
  static final class LoggingListener implements PipelineListener {
    @Override
    public void published(io.wirefeed.model.Article a) {
      LOG.info("article {} v{} [{}] {}", a.id(), a.version(), a.language(), a.headline());
    }

    @Override
    public void deadLettered(io.wirefeed.model.DeadLetter d) {
      LOG.warn("dead letter {} at {}: {}", d.documentId(), d.stage(), d.reason());
    }
  }
}
