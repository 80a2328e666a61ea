package io.wirefeed.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirefeed.model.Article;
import io.wirefeed.model.CreditedSource;
import io.wirefeed.model.WireJson;

/** Converts an Article to an IPTC ninjs 2.x document (field names as the ninjs 2.x schema spells them). */
final class Ninjs {
  private Ninjs() {}

  static ObjectNode of(Article a) {
    ObjectNode n = WireJson.mapper().createObjectNode();
    n.put("uri", "urn:wirefeed:article:" + a.id());
    n.put("type", "text");
    n.put("version", Integer.toString(a.version()));
    if (a.published() != null) {
      n.put("firstcreated", a.published().toString());
    }
    java.time.Instant created = a.updated() != null ? a.updated()
        : a.published() != null ? a.published() : a.fetchedAt();
    if (created != null) {
      n.put("versioncreated", created.toString());
    }
    if (a.language() != null) {
      n.put("language", a.language());
    }
    if (a.headline() != null) {
      n.putArray("headlines").addObject().put("role", "main").put("contenttype", "text/plain")
          .put("value", a.headline());
    }
    if (a.summary() != null) {
      n.putArray("descriptions").addObject().put("role", "summary").put("contenttype", "text/plain")
          .put("value", a.summary());
    }
    n.putArray("bodies").addObject().put("role", "main").put("contenttype", "text/plain").put("value", a.body());
    ArrayNode sources = n.putArray("infosources");
    if (a.source() != null && a.source().agency() != null) {
      sources.addObject().put("name", a.source().agency()).put("role", "originator");
    }
    for (CreditedSource c : a.creditedSources()) {
      sources.addObject().put("name", c.name()).put("role", "source");
    }
    if (a.dateline() != null) {
      ObjectNode place = n.putArray("places").addObject();
      place.put("name", a.dateline().place());
      place.put("role", "located");
    }
    ArrayNode by = n.putArray("people");
    a.authors().forEach(name -> by.addObject().put("name", name).put("role", "author"));
    ArrayNode subjects = n.putArray("subjects");
    a.categories().forEach(c -> subjects.addObject().put("name", c));
    if (a.canonicalUrl() != null || a.url() != null) {
      n.putArray("renditions").addObject().put("name", "web").put("href",
          a.canonicalUrl() != null ? a.canonicalUrl() : a.url()).put("contenttype", "text/html");
    }
    return n;
  }
}
