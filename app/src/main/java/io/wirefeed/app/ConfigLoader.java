package io.wirefeed.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wirefeed.ingest.FeedKind;
import io.wirefeed.ingest.FeedSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads {@link WirefeedConfig} from YAML (the bundled defaults, then a file) with environment overrides, and
 * validates it, reporting every problem at once.
 *
 * <p>Every scalar setting {@code section.key} can be overridden by the environment variable
 * {@code WIREFEED_SECTION_KEY} in upper snake case, e.g. {@code kafka.bootstrapServers} by
 * {@code WIREFEED_KAFKA_BOOTSTRAP_SERVERS}.
 */
final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  /** A way to reach the operator in a User-Agent: a URL or an e-mail address. */
  private static final Pattern CONTACT = Pattern.compile("https?://[^\\s)]+|mailto:\\S+|[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
  static final List<String> SCALARS = List.of(
      "kafka.bootstrapServers", "kafka.topicPrefix", "kafka.dataDir", "kafka.partitions", "kafka.embeddedPort",
      "ingest.connectTimeout", "ingest.readTimeout", "ingest.maxFeedBytes", "ingest.maxPageBytes",
      "ingest.maxRedirects", "ingest.userAgent", "ingest.maxItemsPerPoll", "ingest.perHostDelay",
      "ingest.maxConnectionsPerHost",
      "normalize.groupId", "normalize.transactionalId", "http.port");

  /** Thrown when the configuration is invalid; the message lists every problem, one per line. */
  static final class ConfigException extends Exception {
    private final List<String> problems;

    ConfigException(List<String> problems) {
      super("invalid configuration:\n  - " + String.join("\n  - ", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }

  private ConfigLoader() {}

  /** Loads the defaults, overlays {@code file} (when not null), then the environment, then validates. */
  static WirefeedConfig load(Path file, Map<String, String> env) throws ConfigException {
    List<String> problems = new ArrayList<>();
    ObjectNode root = defaults();
    if (file != null) {
      try {
        JsonNode user = YAML.readTree(Files.readAllBytes(file));
        if (user != null && user.isObject()) {
          merge(root, (ObjectNode) user);
        } else if (user != null && !user.isMissingNode() && !user.isNull()) {
          problems.add(file + ": expected a YAML mapping at the top level");
        }
      } catch (IOException e) {
        problems.add(file + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
      }
    }
    applyEnvironment(root, env);
    WirefeedConfig config = build(root, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  static String envName(String path) {
    return "WIREFEED_" + path.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/wirefeed-defaults.yaml")) {
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("bundled wirefeed-defaults.yaml is missing or broken", e);
    }
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    from.fields().forEachRemaining(e -> {
      JsonNode existing = into.get(e.getKey());
      if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode f) {
        merge(o, f);
      } else {
        into.set(e.getKey(), e.getValue());
      }
    });
  }

  private static void applyEnvironment(ObjectNode root, Map<String, String> env) {
    for (String path : SCALARS) {
      String value = env.get(envName(path));
      if (value != null) {
        String[] parts = path.split("\\.");
        ObjectNode section = root.with(parts[0]);
        section.put(parts[1], value);
      }
    }
  }

  private static WirefeedConfig build(ObjectNode root, List<String> problems) {
    Reader r = new Reader(root, problems);
    var kafka = new WirefeedConfig.Kafka(
        r.text("kafka.bootstrapServers", ""), r.text("kafka.topicPrefix", ""),
        Path.of(r.text("kafka.dataDir", "./data")), r.integer("kafka.partitions", 1, 64),
        r.integer("kafka.embeddedPort", 0, 65535));
    var ingest = new WirefeedConfig.Ingest(
        r.duration("ingest.connectTimeout"), r.duration("ingest.readTimeout"),
        r.longValue("ingest.maxFeedBytes", 1024), r.longValue("ingest.maxPageBytes", 1024),
        r.integer("ingest.maxRedirects", 0, 20), r.text("ingest.userAgent", null),
        r.integer("ingest.maxItemsPerPoll", 1, 100_000), r.duration("ingest.perHostDelay"),
        r.integer("ingest.maxConnectionsPerHost", 1, 32));
    String agent = ingest.userAgent() == null ? "" : ingest.userAgent();
    if (!agent.toLowerCase(Locale.ROOT).contains("wirefeed") || !CONTACT.matcher(agent).find()) {
      problems.add("ingest.userAgent: must name wirefeed and a contact URL or e-mail address (site operators"
          + " need to know who crawls them), e.g. \"acme-monitor/1.0 (wirefeed; +https://acme.example/bot)\"");
    } else if (agent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      problems.add("ingest.userAgent: printable ASCII only");
    }
    var normalize = new WirefeedConfig.Normalize(
        r.text("normalize.groupId", "wirefeed-normalize"), r.text("normalize.transactionalId", ""));
    var http = new WirefeedConfig.Http(r.integer("http.port", -1, 65535));
    List<FeedSpec> feeds = new ArrayList<>();
    JsonNode list = root.path("feeds");
    if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
      problems.add("feeds: expected a list");
    } else {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        FeedSpec f = feed(list.get(i), "feeds[" + i + "]", problems);
        if (f != null && !ids.add(f.id())) {
          problems.add("feeds[" + i + "].id: duplicate id '" + f.id() + "'");
        }
        if (f != null) {
          feeds.add(f);
        }
      }
    }
    return new WirefeedConfig(kafka, ingest, normalize, http, feeds, routes(root.path("routes"), problems));
  }

  private static FeedSpec feed(JsonNode node, String where, List<String> problems) {
    int before = problems.size();
    String id = node.path("id").asText("");
    if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
      problems.add(where + ".id: '" + id + "' must be 1-100 letters, digits, '.', '_' or '-'");
    }
    URI url = null;
    try {
      url = URI.create(node.path("url").asText(""));
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
        problems.add(where + ".url: '" + node.path("url").asText("") + "' is not an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      problems.add(where + ".url: " + e.getMessage());
    }
    FeedKind kind = FeedKind.FEED;
    try {
      kind = FeedKind.valueOf(node.path("kind").asText("FEED").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(where + ".kind: '" + node.path("kind").asText() + "' is not FEED or HTML");
    }
    Duration interval = parseDuration(node.path("interval").asText("5m"), where + ".interval", problems);
    String pattern = blankToNull(node.path("linkPattern").asText(null));
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        problems.add(where + ".linkPattern: invalid regex: " + e.getDescription());
      }
    }
    String selector = blankToNull(node.path("linkSelector").asText(null));
    if (kind == FeedKind.HTML && selector == null && pattern == null) {
      problems.add(where + ": an HTML feed needs linkSelector or linkPattern");
    }
    if (problems.size() > before) {
      return null;
    }
    try {
      return new FeedSpec(id, url, kind, blankToNull(node.path("agency").asText(null)),
          blankToNull(node.path("language").asText(null)), interval, selector, pattern,
          node.path("allowPrivateAddresses").asBoolean(false));
    } catch (RuntimeException e) {
      problems.add(where + ": " + e.getMessage());
      return null;
    }
  }

  private static List<WirefeedConfig.Route> routes(JsonNode list, List<String> problems) {
    List<WirefeedConfig.Route> routes = new ArrayList<>();
    if (list.isMissingNode() || list.isNull()) {
      return routes;
    }
    if (!list.isArray()) {
      problems.add("routes: expected a list");
      return routes;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode r = list.get(i);
      String field = r.path("field").asText("");
      String value = r.path("value").asText("");
      String topic = r.path("topic").asText("");
      int before = problems.size();
      if (!List.of("language", "agency", "category").contains(field)) {
        problems.add("routes[" + i + "].field: '" + field + "' is not language, agency or category");
      }
      if (value.isBlank()) {
        problems.add("routes[" + i + "].value: missing");
      }
      if (!topic.matches("[A-Za-z0-9._-]{1,200}")) {
        problems.add("routes[" + i + "].topic: '" + topic + "' is not a valid topic name");
      }
      if (problems.size() == before) {
        routes.add(new WirefeedConfig.Route(field, value, topic));
      }
    }
    return routes;
  }

  static Duration parseDuration(String text, String where, List<String> problems) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException | NullPointerException e) {
      problems.add(where + ": '" + text + "' is not a duration (e.g. 30s, 5m, 1h, PT5M)");
      return Duration.ofMinutes(5);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() || s.equals("null") ? null : s.trim();
  }

  /** Reads typed scalars by dotted path, recording a problem for each bad value. */
  private record Reader(ObjectNode root, List<String> problems) {
    JsonNode node(String path) {
      String[] p = path.split("\\.");
      return root.path(p[0]).path(p[1]);
    }

    String text(String path, String dflt) {
      JsonNode n = node(path);
      return n.isMissingNode() || n.isNull() ? dflt : n.asText();
    }

    int integer(String path, int min, int max) {
      long v = longValue(path, min);
      if (v > max) {
        problems.add(path + ": " + v + " is above the maximum " + max);
        return max;
      }
      return (int) v;
    }

    long longValue(String path, long min) {
      String t = text(path, "");
      try {
        long v = Long.parseLong(t.trim());
        if (v < min) {
          problems.add(path + ": " + v + " is below the minimum " + min);
          return min;
        }
        return v;
      } catch (NumberFormatException e) {
        problems.add(path + ": '" + t + "' is not a whole number");
        return min;
      }
    }

    Duration duration(String path) {
      return parseDuration(text(path, ""), path, problems);
    }
  }
}
