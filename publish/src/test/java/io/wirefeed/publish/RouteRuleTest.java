package io.wirefeed.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirefeed.model.Article;
import io.wirefeed.model.Dateline;
import io.wirefeed.model.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteRuleTest {

  private static Article inLanguage(String language) {
    return Fixtures.article("a", language, new Source("AFP", "afp.example"), null, List.of(), List.of());
  }

  @Test
  void rejectsAnUnknownFieldWithTheFieldInTheMessage() {
    assertThatThrownBy(() -> new RouteRule("lang", "fr", "wirefeed.articles.fr.v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"lang\"").hasMessageContaining("language, agency, category");
  }

  @Test
  void rejectsABlankValueAndAnIllegalTopicName() {
    assertThatThrownBy(() -> new RouteRule("language", "  ", "wirefeed.articles.fr.v1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> new RouteRule("language", "fr", "wirefeed/articles/fr"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"wirefeed/articles/fr\"");
    assertThatThrownBy(() -> new RouteRule(null, "fr", "t")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void fieldNameIsTrimmedAndLowerCased() {
    assertThat(new RouteRule(" Language ", " fr ", "wirefeed.articles.fr.v1"))
        .isEqualTo(new RouteRule("language", "fr", "wirefeed.articles.fr.v1"));
  }

  @Test
  void languageMatchesIgnoringCaseAndAsALanguageRange() {
    RouteRule french = new RouteRule("language", "FR", "wirefeed.articles.fr.v1");
    RouteRule canadian = new RouteRule("language", "fr-CA", "wirefeed.articles.fr-ca.v1");

    assertThat(french.matches(inLanguage("fr"))).isTrue();
    assertThat(french.matches(inLanguage("fr-CA"))).isTrue();
    assertThat(french.matches(inLanguage("fro"))).isFalse();
    assertThat(french.matches(inLanguage("en"))).isFalse();
    assertThat(french.matches(inLanguage(null))).isFalse();
    assertThat(canadian.matches(inLanguage("fr-ca"))).isTrue();
    assertThat(canadian.matches(inLanguage("fr"))).isFalse();
  }

  @Test
  void agencyMatchesTheSourceAgencyElseTheDatelineAgency() {
    RouteRule xinhua = new RouteRule("agency", "xinhua", "wirefeed.articles.xinhua.v1");
    Dateline damas = new Dateline("DAMAS, 18 octobre (Xinhua) --", "Damas", null, null, "Xinhua");

    assertThat(xinhua.matches(Fixtures.article("a", "fr", new Source(null, "french.xinhuanet.com"), damas,
        List.of(), List.of()))).isTrue();
    assertThat(xinhua.matches(Fixtures.article("a", "fr", new Source("XINHUA", null), null, List.of(),
        List.of()))).isTrue();
    // Filed by AFP with a Xinhua dateline: the header says AFP, and so does routing.
    assertThat(xinhua.matches(Fixtures.article("a", "fr", new Source("AFP", null), damas, List.of(),
        List.of()))).isFalse();
    assertThat(xinhua.matches(Fixtures.article("a", "fr", null, null, List.of(), List.of()))).isFalse();
  }

  @Test
  void categoryMatchesWhenAnyCategoryEqualsTheValueIgnoringCase() {
    RouteRule environment = new RouteRule("category", "environnement", "wirefeed.articles.environnement.v1");

    assertThat(environment.matches(Fixtures.article("a", "fr", null, null, List.of("Afrique", "Environnement"),
        List.of()))).isTrue();
    assertThat(environment.matches(Fixtures.article("a", "fr", null, null, List.of("Environnement et climat"),
        List.of()))).isFalse();
    assertThat(environment.matches(Fixtures.article("a", "fr", null, null, List.of(), List.of()))).isFalse();
  }
}
