package io.wirefeed.app;

import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wirefeed ingest}: The ingest service alone - polls the configured feeds and produces RawDocuments to wirefeed.raw.v1. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"The ingest service alone - polls the configured feeds and produces RawDocuments to wirefeed.raw.v1.", "Runs until SIGTERM or Ctrl-C, then finishes in-flight work and stops."})
final class IngestCommand implements Callable<Integer> {
  @Mixin
  ServiceOptions options = new ServiceOptions();

  @Override
  public Integer call() {
    return ServiceRunner.run(options, EnumSet.of(Pipeline.Stage.INGEST));
  }
}
