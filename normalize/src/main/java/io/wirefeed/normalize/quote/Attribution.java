package io.wirefeed.normalize.quote;

import io.wirefeed.normalize.quote.SpeakerLexicon.Gender;
import java.util.List;

/**
 * Who a quotation is attributed to, as read from the words around it (not yet resolved).
 *
 * @param verb the attribution verb as printed, or null
 * @param kind how the speaker is given
 * @param subject the noun phrase naming the speaker, or the pronoun printed before the verb (empty
 *     for a clitic, a dropped subject or an inherited one)
 * @param gender the gender a pronoun or clitic marks, else UNKNOWN
 * @param before true when the attribution precedes the quotation
 * @param colon true when the quotation is introduced by a colon after the attribution
 * @param verbAt the index of the verb among the tokens it was read from when it precedes the
 *     quotation, else -1
 */
record Attribution(
    String verb,
    Kind kind,
    List<AttributionToken> subject,
    Gender gender,
    boolean before,
    boolean colon,
    int verbAt) {

  /** How the speaker of an attribution is given. */
  enum Kind {
    /** A noun phrase: a name, a description or an organisation. */
    PHRASE,
    /** A pronoun or a French clitic ("a-t-il"). */
    PRONOUN,
    /** No subject printed (Spanish "dijo"): the most recent person. */
    DROPPED,
    /** A participle ("ajoutant", "adding"): the subject of the sentence or its previous quote. */
    INHERITED
  }

  Attribution {
    subject = List.copyOf(subject);
  }

  Attribution(
      String verb,
      Kind kind,
      List<AttributionToken> subject,
      Gender gender,
      boolean before,
      boolean colon) {
    this(verb, kind, subject, gender, before, colon, -1);
  }

  Attribution withVerbAt(int index) {
    return new Attribution(verb, kind, subject, gender, before, colon, index);
  }
}
