"""Actor mentions from the dictionary: names, aliases, demonyms, capitals and buildings used as metonyms,
and titles ("Russian Foreign Minister", "a senior official"), matched with spaCy's PhraseMatcher.

Surnames alone, titles alone and pronouns are settled later by ``coref``; this component only records
what each span may be.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from accord.ingest.document import IngestDoc, Mention
from accord.ingest.registry import Context, component
from accord.ingest.world import Lexicon

# A capital after these words is a place ("talks in Moscow"), not a government speaking.
PLACE_WORDS = {"in", "to", "from", "at", "near", "outside", "around", "into", "via", "visited", "visit", "visiting",
               "toward", "towards", "across", "through", "left", "reached", "arrived", "flew", "returned", "of",
               "between", "and", "inside", "over", "on", "by", "leave", "back"}
# A capital before these words names a meeting or a place, not an actor ("the Vienna talks").
PLACE_NEXT = {"talks", "meeting", "meetings", "process", "statement", "communique", "conference", "round",
              "summit", "airport", "residents", "countryside", "suburbs", "province", "governorate", "-based",
              "based", "correspondent", "bureau", "office", "hotel"}
GOVERNMENT_WORDS = {"government", "regime", "authorities", "administration", "leadership"}
ANONYMOUS_DETS = {"a", "an", "one", "another", "two", "three", "several", "some", "other", "many", "senior",
                  "unnamed", "anonymous"}
HONORIFICS = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sheikh", "Ayatollah", "General", "Gen."}


def _variants(form: str) -> set[str]:
    out = {form, form[:1].upper() + form[1:]}
    if len(form) >= 5 and form[:1].isupper():
        out.add(form.upper())
    return out


@component("actors")
class ActorMatcher:
    def __init__(self, ctx: Context):
        self.lex: Lexicon = ctx.lexicon
        self.vocab = ctx.nlp.vocab
        self.matcher = PhraseMatcher(ctx.nlp.vocab, attr="ORTH")
        self.titles = PhraseMatcher(ctx.nlp.vocab, attr="LOWER")
        forms: dict[str, tuple[str, str]] = {}
        # later entries win: the case's actors come after the built-in world in the lexicon
        for e in self.lex.entries.values():
            target_gov = self.lex.government(e.id) if e.kind == "state" else e.id
            groups = [("name", [e.name, *e.aliases], e.id), ("demonym", e.demonyms, e.id),
                      ("capital", [e.capital] if e.capital else [], target_gov),
                      ("metonym", e.metonyms, target_gov), ("short", e.short, e.id)]
            for via, names, actor in groups:
                for n in names:
                    for v in _variants(n):
                        if via == "short" and v in forms and forms[v][1] != "short":
                            continue  # a full name elsewhere beats a surname
                        forms[v] = (actor, via)
        self.forms = forms
        tok = ctx.nlp.tokenizer
        for (actor, via), group in _group(forms).items():
            self.matcher.add(f"{actor}|{via}", list(tok.pipe(group)))
        self.title_of = {}
        for t in self.lex.titles:
            self.titles.add(t.title.lower(), [tok(t.title.lower())])
            self.title_of[t.title.lower()] = t

    def __call__(self, doc: IngestDoc) -> IngestDoc:
        tokens = doc.tokens
        strings = self.vocab.strings
        matches = self.matcher(tokens)
        title_matches = self.titles(tokens)
        spans = filter_spans([tokens[s:e] for _, s, e in matches] + [tokens[s:e] for _, s, e in title_matches])
        keyed = {(s, e): strings[m] for m, s, e in matches}
        title_keys = {(s, e) for _, s, e in title_matches}
        places = doc.places
        for span in spans:
            start, end = span.start_char, span.end_char
            if any(ps <= start < pe for ps, pe in places):
                continue
            key = keyed.get((span.start, span.end))
            if key is None and (span.start, span.end) in title_keys:
                self._title(doc, span)
                continue
            if key is None:
                continue
            actor, via = key.split("|")
            entry = self.lex.entries[actor]
            prev = tokens[span.start - 1].lower_ if span.start > 0 else ""
            nxt = tokens[span.end].lower_ if span.end < len(tokens) else ""
            if via == "capital" and (prev in PLACE_WORDS or nxt in PLACE_NEXT):
                continue
            if via == "demonym" and nxt in GOVERNMENT_WORDS:
                gov_end = tokens[span.end].idx + len(tokens[span.end])
                gov_start = tokens[span.start - 1].idx if prev == "the" else start
                doc.mentions.append(Mention(gov_start, gov_end, doc.text[gov_start:gov_end],
                                            self.lex.government(actor), "government", "name", 0.95, "GOV"))
                continue
            confidence = {"name": 0.97, "metonym": 0.93, "capital": 0.85, "demonym": 0.8, "short": 0.85}[via]
            doc.mentions.append(Mention(start, end, doc.text[start:end], actor, entry.kind, via, confidence))
        doc.mentions.sort(key=lambda m: m.start)
        return doc

    def _title(self, doc: IngestDoc, span) -> None:
        """Record a title: its office-holder's country from the words before it; coref names the holder."""
        tokens = doc.tokens
        title = self.title_of.get(span.text.lower())
        if title is None:
            return
        prev = tokens[span.start - 1] if span.start > 0 else None
        anonymous = prev is not None and prev.lower_ in ANONYMOUS_DETS
        doc.mentions.append(Mention(span.start_char, span.end_char, doc.text[span.start_char:span.end_char], None,
                                    "person", "anonymous" if anonymous else "title", 0.0, title.sector))


def _group(forms: dict[str, tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for form, key in forms.items():
        out.setdefault(key, []).append(form)
    return out
