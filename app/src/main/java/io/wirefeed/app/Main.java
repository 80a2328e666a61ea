package io.wirefeed.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wirefeed} command line: one subcommand per service or tool (see README). */
@Command(name = "wirefeed", mixinStandardHelpOptions = true, version = "wirefeed 0.1.0",
    description = "Ingests news-agency wire copy, normalizes it and publishes it to Kafka.",
    subcommands = {DemoCommand.class, RunCommand.class, IngestCommand.class, NormalizeCommand.class,
        ExtractCommand.class, FeedCommand.class, TailCommand.class, ReplayCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    configureLogging(System.getenv("WIREFEED_LOG_FORMAT"));
    System.exit(commandLine().execute(args));
  }

  /** Switches logback to one JSON object per line when asked; the default text setup is logback.xml. */
  static void configureLogging(String format) {
    if (format == null || !format.equalsIgnoreCase("json")) {
      return;
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    context.reset();
    try {
      configurator.doConfigure(Main.class.getResource("/logback-json.xml"));
    } catch (JoranException e) {
      System.err.println("wirefeed: could not switch to JSON logs: " + e.getMessage());
    }
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
