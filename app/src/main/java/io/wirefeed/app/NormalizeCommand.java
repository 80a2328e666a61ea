package io.wirefeed.app;

import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wirefeed normalize}: The normalize service alone - wirefeed.raw.v1 to wirefeed.articles.v1 and the DLQ, in Kafka transactions. */
@Command(name = "normalize", mixinStandardHelpOptions = true,
    description = {"The normalize service alone - wirefeed.raw.v1 to wirefeed.articles.v1 and the DLQ, in Kafka transactions.", "Runs until SIGTERM or Ctrl-C, then finishes in-flight work and stops."})
final class NormalizeCommand implements Callable<Integer> {
  @Mixin
  ServiceOptions options = new ServiceOptions();

  @Override
  public Integer call() {
    return ServiceRunner.run(options, EnumSet.of(Pipeline.Stage.NORMALIZE));
  }
}
