package io.wirefeed.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wirefeed run}: All stages in one process against the configured feeds; embedded broker unless kafka.bootstrapServers is set. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"All stages in one process against the configured feeds; embedded broker unless kafka.bootstrapServers is set.", "Runs until SIGTERM or Ctrl-C, then finishes in-flight work and stops."})
final class RunCommand implements Callable<Integer> {
  @Mixin
  ServiceOptions options = new ServiceOptions();

  @Override
  public Integer call() {
    return ServiceRunner.run(options, Pipeline.allStages());
  }
}
