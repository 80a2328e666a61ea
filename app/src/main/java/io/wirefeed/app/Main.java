package io.wirefeed.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wirefeed} command line: one subcommand per service or tool (see README). */
@Command(name = "wirefeed", mixinStandardHelpOptions = true, version = "wirefeed 0.1.0",
    description = "Ingests news-agency wire copy, normalizes it and publishes it to Kafka.",
    subcommands = {DemoCommand.class, RunCommand.class, IngestCommand.class, NormalizeCommand.class,
        ExtractCommand.class, FeedCommand.class, TailCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
