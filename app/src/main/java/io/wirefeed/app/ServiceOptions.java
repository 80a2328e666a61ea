package io.wirefeed.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every service command shares. */
final class ServiceOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "YAML configuration file (default: the bundled run configuration; env WIREFEED_CONFIG)")
  Path config;

  Path configFile(Path fallbackResourceCopy) {
    if (config != null) {
      return config;
    }
    String env = System.getenv("WIREFEED_CONFIG");
    return env != null && !env.isBlank() ? Path.of(env) : fallbackResourceCopy;
  }
}
