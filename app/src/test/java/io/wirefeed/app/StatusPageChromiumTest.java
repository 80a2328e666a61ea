package io.wirefeed.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirefeed.ingest.PollReport;
import io.wirefeed.model.Article;
import io.wirefeed.model.CreditedSource;
import io.wirefeed.model.DeadLetter;
import io.wirefeed.model.Dateline;
import io.wirefeed.model.Quote;
import io.wirefeed.model.QuoteKind;
import io.wirefeed.model.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page rendered by a real headless Chromium (Debian's package; .ci/run installs it). Skipped only where
 * no Chromium is installed and CI is not set: in CI a missing browser fails the test.
 */
class StatusPageChromiumTest {
  @TempDir
  Path dir;

  @Test
  void chromiumRendersFeedsArticlesAndHighlightedQuotes() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    if (System.getenv("CI") == null) {
      assumeTrue(Files.isExecutable(chromium), "no /usr/bin/chromium here (.ci/run installs it)");
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StatusBoard board = new StatusBoard(registry);
    board.polled(new PollReport("xinhua-fr", Instant.parse("2026-11-03T10:00:00Z"), 200, 3, 12, 0, 48_000, null));
    board.polled(new PollReport("tass-en", Instant.parse("2026-11-03T10:01:00Z"), 503, 0, 0, 0, 0,
        "HTTP 503 after 3 attempts"));
    board.published(new Article("a1", 1, "r1", "http://x/1", null, "fr",
        "La Syrie et l'Iran <renforcent> leur coopération", null, "Corps.", List.of("Corps."),
        new Dateline("DAMAS, 18 octobre (Xinhua) --", "Damas", null, LocalDate.of(2026, 10, 18), "Xinhua"),
        new Source("Xinhua", "french.xinhuanet.com"),
        List.of(new CreditedSource("SANA", "a rapporté l'agence de presse SANA")),
        List.of(new Quote("Nous avons eu des discussions plénières", "Ali Ayoub", "a expliqué", QuoteKind.DIRECT, 2)),
        null, null, Instant.now(), null, null, null, null, "h"));
    board.deadLettered(new DeadLetter("d1", "normalize", "binary content", Instant.now(), "http://x/b", null));

    try (OpsServer ops = OpsServer.start(0, registry, board, () -> true)) {
      String url = "http://127.0.0.1:" + ops.port() + "/";
      Path shot = dir.resolve("status.png");
      String dom = chromium(chromium, dir, "--dump-dom", url);
      chromium(chromium, dir, "--screenshot=" + shot, "--window-size=1200,900", url);

      assertThat(dom).contains("<q class=\"quote\">Nous avons eu des discussions plénières</q>")
          .contains("<span class=\"speaker\">Ali Ayoub</span>")
          .contains("<span class=\"dateline\">DAMAS, 18 octobre (Xinhua) --</span>")
          .contains("title=\"a rapporté l'agence de presse SANA\">SANA</span>")
          .contains("HTTP 503 after 3 attempts")
          .contains("La Syrie et l'Iran &lt;renforcent&gt; leur coopération")
          .doesNotContain("<renforcent>");
      assertThat(dom.split("<tr class=\"feed\">", -1)).hasSize(3);
      assertThat(shot).exists();
      assertThat(Files.size(shot)).isGreaterThan(5_000);
    }
  }

  private static String chromium(Path binary, Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile")));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("chromium.out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(dir.resolve("chromium.err").toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s");
    }
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.err"))).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
