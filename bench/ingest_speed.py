"""Ingest speed: end-to-end sentences/s on one core against spaCy's bare tokenizer on the same text,
``--workers 2`` against one worker, and peak memory while streaming 10k articles through the CLI.

    python -m bench ingest [--mb 1.0] [--stream 10000] [--rounds 7] [--instructions] [--accuracy]

The corpus is the project's own gold articles (tests/ingest/corpus/dev.jsonl and dev2.jsonl, text
only), cut into paragraphs, shuffled and recombined into new articles with their numbers varied: real
news vocabulary, so the bare tokenizer's cache hits as often as on news and its ceiling is realistic.
The older template corpus (accord.ingest.synthetic), whose small vocabulary flatters the tokenizer, is
measured too for comparison. Results replace the "## Ingest" section of docs/benchmarks.md (other
sections are left alone). ``--accuracy`` also scores the gold corpus (every split of tests/ingest/corpus/build.py: dev to dev20, held-out and the blind splits blind to blind18) and the
external PLOVER records into that section.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from collections.abc import Iterator
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "benchmarks.md"
SECTION = "## Ingest"


#: the splits scored once before any rule changed for them (see the note inside each)
BLIND = {path.name[len("ingest_"):-len("_blind.json")]: path
         for path in sorted(Path(__file__).parent.glob("ingest_*_blind.json"))}
#: every gold split, in the corpus builder's order
SPLITS = re.search(r"^SPLITS = \(([^)]*)\)", (REPO / "tests" / "ingest" / "corpus" / "build.py").read_text(encoding="utf-8"),
                   re.M).group(1).replace('"', "").replace(" ", "").split(",")
GOLD = [REPO / "tests" / "ingest" / "corpus" / f"{name}.jsonl" for name in ("dev", "dev2")]


def recombined(n: int, seed: int = 11) -> Iterator[dict[str, Any]]:
    """n articles made of the gold articles' paragraphs, shuffled and recombined, with their numbers
    varied and the proper nouns the dictionary does not know (people, places, outlets) replaced, per
    article, by names made up from syllables: news keeps meeting names it has not seen, and those are
    what a tokenizer's cache misses."""
    from accord.ingest.world import world

    rnd = random.Random(seed)
    paragraphs: list[str] = []
    published: list[str] = []
    for path in GOLD:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            paragraphs += [p for p in row["text"].split("\n\n") if p.strip()]
            published.append(row["published"])
    known = _known_words(world())
    names = sorted({_made_up(rnd) for _ in range(20_000)})

    def vary(match: re.Match[str]) -> str:
        digits = match.group()
        if len(digits) == 4 and digits.startswith("20"):
            return str(rnd.randrange(2012, 2019))  # a year
        return str(rnd.randrange(1, 29) if len(digits) <= 2 else rnd.randrange(100, 10**len(digits)))

    for i in range(n):
        renamed: dict[str, str] = {}

        def rename(match: re.Match[str]) -> str:
            word = match.group()
            if word in known:
                return word
            return renamed.setdefault(word, rnd.choice(names))

        text = "\n\n".join(_PROPER.sub(rename, _DIGITS.sub(vary, p))
                            for p in rnd.sample(paragraphs, rnd.randrange(4, 10)))
        yield {"id": f"recombined-{seed}-{i}", "url": f"https://example.org/recombined/{seed}/{i}",
               "outlet": "Recombined Wire", "published": rnd.choice(published), "title": f"Article {i}", "text": text}


_DIGITS = re.compile(r"\d+")
# a capitalised word inside a sentence (after a lower-case word or a comma): a name, not a sentence opener
_PROPER = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b")
_SYLLABLES = ["ka", "ro", "mi", "sel", "dor", "an", "vi", "ta", "lu", "ber", "zan", "ni", "os", "qa", "fir", "hel",
              "mun", "ed", "ra", "to", "gha", "lin", "sa", "bu", "nar", "ev", "ja", "kol", "wen", "di"]


def _made_up(rnd: random.Random) -> str:
    return "".join(rnd.choice(_SYLLABLES) for _ in range(rnd.randrange(2, 4))).title()


def _known_words(lex: Any) -> set[str]:
    """Every word of the dictionary's names, titles and places, and the calendar: kept as written."""
    words: set[str] = set()
    for e in lex.entries.values():
        for form in [e.name, *e.aliases, *e.short, *e.demonyms, *e.metonyms, e.capital or ""]:
            words.update(form.split())
    for t in lex.titles:
        words.update(t.title.title().split())
    words.update(lex.places)
    words.update("January February March April May June July August September October November December Monday "
                 "Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Year New Eve".split())
    return words


def corpus(mb: float, kind: str = "gold") -> list[dict[str, Any]]:
    from accord.ingest.synthetic import articles

    source = recombined(10**6) if kind == "gold" else articles(10**6, seed=11)
    out, size = [], 0
    for a in source:
        out.append(a)
        size += len(a["text"].encode("utf-8"))
        if size >= mb * 1_000_000:
            break
    return out


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def speed(mb: float, rounds: int = 7) -> dict[str, Any]:
    """Sentences/s of the bare tokenizer and of the pipeline on the same articles, measured two ways:
    warm (best of 3 passes with the same tokenizer: every word already in its cache) and single pass
    (the median of ``rounds`` fresh tokenizers and pipelines, alternating, each reading the articles once:
    the words it has not seen cost what they cost in a stream of new articles)."""
    from accord.ingest import batch
    from accord.ingest.components.segmenter import split_sentences

    docs = corpus(mb)
    texts = [d["text"] for d in docs]
    size = sum(len(t.encode("utf-8")) for t in texts)
    sentences = sum(len(split_sentences(t)) for t in texts)
    t0 = time.perf_counter()
    pipeline = _pipeline()
    build = time.perf_counter() - t0
    arts = _articles(docs)
    out: dict[str, Any] = {"articles": len(docs), "bytes": size, "sentences": sentences,
                           "chunk_types": len({w for t in texts for w in t.split()}), "pipeline_build_s": round(build, 2)}
    out.update(_ratios(texts, arts, sentences, pipeline, rounds))
    synth = corpus(mb, "synthetic")  # the template corpus, for comparison with earlier measurements
    synth_texts = [d["text"] for d in synth]
    out["synthetic"] = {"articles": len(synth), "sentences": sum(len(split_sentences(t)) for t in synth_texts),
                        "chunk_types": len({w for t in synth_texts for w in t.split()})}
    out["synthetic"].update(_ratios(synth_texts, _articles(synth), out["synthetic"]["sentences"], pipeline))
    # workers: the batch runner over the same articles, three times over so start-up is amortised
    many = arts * 3
    load = os.getloadavg()[0]
    c0 = os.times()
    w1 = best_of(1, lambda: list(batch.run(iter(many), pipeline, workers=1)))
    c1 = os.times()
    w2 = best_of(1, lambda: list(batch.run(iter(many), pipeline, workers=2)))
    c2 = os.times()
    w1_cpu = (c1.user + c1.system) - (c0.user + c0.system)
    w2_cpu = (c2.children_user + c2.children_system) - (c1.children_user + c1.children_system)
    w2_main = (c2.user + c2.system) - (c1.user + c1.system)
    out.update({
        "batch_1_worker_sent_per_s": round(3 * sentences / w1), "batch_2_workers_sent_per_s": round(3 * sentences / w2),
        "speedup_2_workers": round(w1 / w2, 2), "workers_cpu_share": round(w2_cpu / w2 / 2, 2),
        # what two idle cores would give: the same work split over two processes costs this much CPU
        "speedup_2_workers_cpu_bound": round(2 * w1_cpu / max(w2_cpu, 2 * w2_main), 2),
        "load_average": round(load, 1)})
    return out


def _pipeline() -> Any:
    """The world dictionary with the syria-2015 case's words: the corpus is about its issues, and the
    stance rules are part of the work measured."""
    from accord.ingest.pipeline import Pipeline
    from accord.ingest.world import world
    from accord.record.bundle import read_bundle
    from accord.record.model import Vocabulary

    words = [r for r in read_bundle("syria-2015").records if isinstance(r, Vocabulary)]
    return Pipeline(world().merged([], vocabulary=words))


def _articles(docs: list[dict[str, Any]]) -> list[Any]:
    from accord.ingest.document import Article

    return [Article(text=d["text"], id=d["id"], published=dt.date.fromisoformat(d["published"][:10])) for d in docs]


def _ratios(texts: list[str], arts: list[Any], sentences: int, pipeline: Any, rounds: int = 3) -> dict[str, Any]:
    import spacy

    nlp = spacy.blank("en")
    tok_warm = best_of(3, lambda: [nlp.tokenizer(t) for t in texts])
    one_warm = best_of(3, lambda: list(pipeline.pipe(arts)))
    single = single_passes(texts, arts, rounds)
    return {"tokenizer_sent_per_s": round(sentences / tok_warm), "pipeline_sent_per_s": round(sentences / one_warm),
            "share_of_tokenizer": round(tok_warm / one_warm, 3),
            "tokenizer_single_pass_sent_per_s": round(sentences / statistics.median(single["tokenizer_wall"])),
            "pipeline_single_pass_sent_per_s": round(sentences / statistics.median(single["pipeline_wall"])),
            "share_of_tokenizer_single_pass": round(statistics.median(single["tokenizer_wall"]) / statistics.median(single["pipeline_wall"]), 3),
            "tokenizer_single_pass_cpu_sent_per_s": round(sentences / statistics.median(single["tokenizer_cpu"])),
            "pipeline_single_pass_cpu_sent_per_s": round(sentences / statistics.median(single["pipeline_cpu"])),
            "share_of_tokenizer_single_pass_cpu": round(statistics.median(single["tokenizer_cpu"]) / statistics.median(single["pipeline_cpu"]), 3),
            "single_pass_rounds": rounds,
            # the same pipeline read one article at a time (Pipeline.__call__), its components' caches cold at each
            "pipeline_one_at_a_time_cpu_sent_per_s": round(sentences / statistics.median(single["call_cpu"])),
            # each round's own share (tokenizer CPU / pipeline CPU of the same round): how far one run can stray
            "share_cpu_range": [round(min(single["shares"]), 3), round(max(single["shares"]), 3)],
            "tokenizer_single_pass_cpu_range": [round(sentences / max(single["tokenizer_cpu"])),
                                                round(sentences / min(single["tokenizer_cpu"]))],
            "pipeline_single_pass_cpu_range": [round(sentences / max(single["pipeline_cpu"])),
                                               round(sentences / min(single["pipeline_cpu"]))]}


def single_passes(texts: list[str], arts: list[Any], rounds: int) -> dict[str, list[float]]:
    """Seconds of ``rounds`` single passes of a fresh bare tokenizer and of a fresh pipeline, alternating in this
    process (a change of load or clock speed falls on both alike): wall clock and CPU time of each pass, and
    each round's share of the tokenizer in CPU time. The tokenizer's pass is short (a fifth of a second), so
    one run of it strays far; the median of several is the figure."""
    import spacy

    out: dict[str, list[float]] = {"tokenizer_wall": [], "tokenizer_cpu": [], "pipeline_wall": [], "pipeline_cpu": [],
                                   "shares": [], "call_cpu": []}
    for _ in range(rounds):
        tok_wall, tok_cpu = _once(lambda tok: [tok(t) for t in texts], spacy.blank("en").tokenizer)
        one_wall, one_cpu = _once(lambda p: list(p.pipe(arts)), _pipeline())
        out["call_cpu"].append(_once(lambda p: [p(a) for a in arts], _pipeline())[1])
        out["tokenizer_wall"].append(tok_wall)
        out["tokenizer_cpu"].append(tok_cpu)
        out["pipeline_wall"].append(one_wall)
        out["pipeline_cpu"].append(one_cpu)
        out["shares"].append(tok_cpu / one_cpu)
    return out


def _once(run, fresh) -> tuple[float, float]:
    """Seconds of one pass of ``run`` over a freshly built tokenizer or pipeline (its cache empty): wall
    clock and this process's CPU time. On a machine shared with other jobs the wall clock of a short
    C-bound pass and of a long Python-bound one stretch unequally; CPU time counts only the work."""
    gc.collect()  # the garbage of the last pass is not this one's to collect
    t, c = time.perf_counter(), time.process_time()
    run(fresh)
    return time.perf_counter() - t, time.process_time() - c


def instructions(mb: float) -> dict[str, Any]:
    """Instructions executed by one single pass of a fresh bare tokenizer and of a fresh pipeline over the
    bench's articles, counted by valgrind's callgrind in a process of their own (hash seed fixed): only the
    pass is counted (collection is on inside ``sys.call_tracing``, which the pass alone goes through), not
    Python's start-up, the imports or the building of the tokenizer or pipeline. Instruction counts do not
    move with the load; they weigh every instruction alike, so memory stalls and cache misses are not in them."""
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "texts.json"
        texts.write_text(json.dumps(corpus(mb)), encoding="utf-8")
        out: dict[str, Any] = {}
        for kind in ("tokenizer", "pipeline"):
            counted = Path(tmp) / f"{kind}.callgrind"
            cmd = ["valgrind", "--tool=callgrind", "--toggle-collect=sys_call_tracing", f"--callgrind-out-file={counted}",
                   sys.executable, "-m", "bench.ingest_speed", "--one-pass", kind, str(texts)]
            done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True,
                                  env={**os.environ, "PYTHONHASHSEED": "0"})
            if done.returncode != 0:
                raise RuntimeError(f"callgrind run of the {kind} failed: {done.stderr.strip().splitlines()[-1:]}")
            summary = re.search(r"^summary: (\d+)", counted.read_text(encoding="utf-8"), re.M)
            if summary is None:
                raise RuntimeError(f"callgrind run of the {kind}: no summary line in its output")
            out[f"{kind}_instructions"] = int(summary.group(1))
    out["share_instructions"] = round(out["tokenizer_instructions"] / out["pipeline_instructions"], 3)
    return out


def _one_pass(kind: str, path: str) -> None:
    """The pass that ``instructions`` counts: built first, then run inside ``sys.call_tracing``."""
    docs = json.loads(Path(path).read_text(encoding="utf-8"))
    if kind == "tokenizer":
        import spacy

        texts, tok = [d["text"] for d in docs], spacy.blank("en").tokenizer
        sys.call_tracing(lambda: [tok(t) for t in texts], ())
    else:
        arts, pipeline = _articles(docs), _pipeline()
        sys.call_tracing(lambda: list(pipeline.pipe(arts)), ())


def memory(n: int) -> dict[str, Any]:
    """Peak RSS of `accord ingest` streaming n articles (one worker, output discarded)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stream.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for a in recombined(n, seed=5):
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        size = path.stat().st_size
        cmd = [sys.executable, "-c", "from accord.cli.main import main; main()", "ingest", str(path), "--json"]
        t = time.perf_counter()
        with open(os.devnull, "w") as null:
            rc = subprocess.run(cmd, stdout=null, stderr=subprocess.DEVNULL).returncode
        elapsed = time.perf_counter() - t
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"articles": n, "bytes": size, "exit": rc, "seconds": round(elapsed, 1), "peak_rss_mb": round(peak_kb / 1024)}


def accuracy() -> dict[str, Any]:
    from accord.ingest.evaluate import evaluate

    out: dict[str, Any] = {}
    for name in SPLITS:
        path = REPO / "tests" / "ingest" / "corpus" / f"{name}.jsonl"
        if path.is_file() and path.stat().st_size:
            r = evaluate(path)
            r.pop("_scores")
            out[name] = r
    from accord.ingest.plover import DEFAULT, check

    if DEFAULT.is_file():
        out["plover"] = check(DEFAULT)
    return out


def render(spd: dict[str, Any], mem: dict[str, Any] | None, acc: dict[str, Any] | None, commit: str) -> str:
    lines = [SECTION, "",
             f"Measured {dt.date.today().isoformat()} at commit {commit} on {platform.machine()} "
             f"({os.cpu_count()} cores), Python {platform.python_version()}: `python -m bench ingest"
             + ("" if mem else " --stream 0") + (" --instructions" if "share_instructions" in spd else "")
             + (" --accuracy" if acc else "") + f"` (load average {spd['load_average']}).", "",
             f"Speed on {spd['articles']} articles recombined from the gold articles' paragraphs ({spd['bytes'] / 1e6:.2f} MB, "
             f"{spd['sentences']:,} sentences, {spd['chunk_types']:,} distinct whitespace-separated words). "
             "*Warm*: the same tokenizer or pipeline over the articles again, every word already in the tokenizer's "
             "cache (best of 3). *Single pass*: a fresh one reading them once, paying for each word it has not seen, "
             f"as it does on a stream of new articles: the median of {spd['single_pass_rounds']} rounds, each a fresh "
             "tokenizer's pass then a fresh pipeline's in the same process. Each pass is timed alone: not the "
             "building of the tokenizer or pipeline, not Python's start-up or imports; the pipeline's pass includes "
             "its own tokenizer, its components and the output objects (not their JSON), the articles read as "
             f"`accord ingest` reads them: in groups of {_group()}, each component over the group (`Pipeline.pipe`).", "",
             "| measure | warm | single pass |", "|---|---|---|",
             f"| spaCy bare tokenizer (`spacy.blank('en').tokenizer`) | {spd['tokenizer_sent_per_s']:,} sentences/s | "
             f"{spd['tokenizer_single_pass_sent_per_s']:,} sentences/s |",
             f"| ingest pipeline, one core, end to end | {spd['pipeline_sent_per_s']:,} sentences/s | "
             f"{spd['pipeline_single_pass_sent_per_s']:,} sentences/s |",
             f"| pipeline as a share of the bare tokenizer | {spd['share_of_tokenizer']:.1%} | "
             f"{spd['share_of_tokenizer_single_pass']:.1%} |",
             f"| the same in CPU time (tokenizer / pipeline / share; the work alone, whatever else the machine runs) "
             f"| – | {spd['tokenizer_single_pass_cpu_sent_per_s']:,} / {spd['pipeline_single_pass_cpu_sent_per_s']:,} / "
             f"{spd['share_of_tokenizer_single_pass_cpu']:.1%} |",
             f"| the pipeline one article at a time (`Pipeline.__call__`, the same outputs), CPU time / share | – | "
             f"{spd['pipeline_one_at_a_time_cpu_sent_per_s']:,} sentences/s / "
             f"{spd['pipeline_one_at_a_time_cpu_sent_per_s'] / spd['tokenizer_single_pass_cpu_sent_per_s']:.1%} |",
             f"| spread of the {spd['single_pass_rounds']} rounds in CPU time: tokenizer / pipeline (sentences/s) / "
             f"each round's share | – | {_span(spd['tokenizer_single_pass_cpu_range'])} / "
             f"{_span(spd['pipeline_single_pass_cpu_range'])} / {spd['share_cpu_range'][0]:.1%}–{spd['share_cpu_range'][1]:.1%} |",
             *([f"| instructions of one single pass (callgrind): tokenizer / pipeline / share | – | "
                f"{spd['tokenizer_instructions'] / 1e6:,.0f}M / {spd['pipeline_instructions'] / 1e6:,.0f}M / "
                f"{spd['share_instructions']:.1%} |"] if "share_instructions" in spd else []),
             f"| the same on the template corpus ({spd['synthetic']['articles']} articles, "
             f"{spd['synthetic']['chunk_types']:,} distinct words): tokenizer / pipeline / share | "
             f"{spd['synthetic']['tokenizer_sent_per_s']:,} / {spd['synthetic']['pipeline_sent_per_s']:,} / "
             f"{spd['synthetic']['share_of_tokenizer']:.1%} | {spd['synthetic']['tokenizer_single_pass_sent_per_s']:,} / "
             f"{spd['synthetic']['pipeline_single_pass_sent_per_s']:,} / "
             f"{spd['synthetic']['share_of_tokenizer_single_pass']:.1%} |", "",
             "| measure | value |", "|---|---|",
             f"| batch runner, 1 worker | {spd['batch_1_worker_sent_per_s']:,} sentences/s |",
             f"| batch runner, `--workers 2` | {spd['batch_2_workers_sent_per_s']:,} sentences/s "
             f"({spd['speedup_2_workers']}x; the two workers got {spd['workers_cpu_share']:.0%} of two cores, "
             f"load average {spd['load_average']}) |",
             f"| `--workers 2` on two idle cores (CPU time of one worker / CPU time per worker of two) | "
             f"{spd['speedup_2_workers_cpu_bound']}x |",
             f"| building the pipeline (dictionary, matchers) | {spd['pipeline_build_s']} s |"]
    if mem:
        lines += [f"| `accord ingest` streaming {mem['articles']:,} recombined articles ({mem['bytes'] / 1e6:.1f} MB), "
                  f"peak RSS | {mem['peak_rss_mb']} MB ({mem['seconds']} s, exit {mem['exit']}) |"]
    goals = [f"single pass {spd['share_of_tokenizer_single_pass_cpu']:.1%} in CPU time (rounds "
             f"{spd['share_cpu_range'][0]:.1%}–{spd['share_cpu_range'][1]:.1%}), "
             f"{spd['share_of_tokenizer_single_pass']:.1%} wall clock"
             + (f", {spd['share_instructions']:.1%} in instructions" if "share_instructions" in spd else "")
             + f", warm {spd['share_of_tokenizer']:.1%}",
             f"{spd['speedup_2_workers']}x wall clock, {spd['speedup_2_workers_cpu_bound']}x in CPU time"]
    lines += ["", f"Machine: {_cpu()}, {os.cpu_count()} cores shared with other jobs. Goals (issue 4): the pipeline at "
              f"≥ 10 % of the bare tokenizer: {goals[0]}; `--workers 2` ≥ 1.7x one worker: {goals[1]}"
              + (f"; ≤ 500 MB streaming 10,000 articles: {mem['peak_rss_mb']} MB." if mem else ".")]
    if acc:
        lines += ["", "Accuracy (`accord eval ingest GOLD`; detail = speaker, exact resolution, type or direction among "
                  "the gold items found; exact = found and right, of all gold items):", "",
                  "| set | kind | precision | recall | detail | exact | gold |", "|---|---|---|---|---|---|---|"]
        for split, path in BLIND.items():
            blind = json.loads(path.read_text(encoding="utf-8"))
            for label, key in ((f"{split}, blind, before (gold as written)", "as_written"),
                               (f"{split}, blind, before (gold corrected)", "gold_corrected")):
                for k, s in blind.get(key, {}).items():
                    if s.get("gold"):  # (none: not annotated in that split)
                        lines.append(_accuracy_row(label, k, s))
        for name in SPLITS:
            if name not in acc:
                continue
            kinds = dict(acc[name]["kinds"])
            kinds["dates (dateparser alone)"] = acc[name]["baseline_dateparser_dates"]
            for k, s in kinds.items():
                if s.get("gold"):  # (none: not annotated in that split)
                    lines.append(_accuracy_row(name, k, s))
        if "plover" in acc:
            p = acc["plover"]
            lines += ["", f"PLOVER gold records ({p['records']} sentences, read from ../shared at run time): event type "
                      f"accuracy {p['event_type_accuracy']:.3f}; source country {p['country_accuracy']['source']:.3f}, "
                      f"target country {p['country_accuracy']['target']:.3f}; source sector "
                      f"{p['sector_accuracy']['source']:.3f}, target sector {p['sector_accuracy']['target']:.3f}; "
                      f"coded as someone's report (reported_by): {p['reported_share']:.1%} of the sentences; moods of "
                      f"the events coded: {p['moods']}."]
    return "\n".join(lines) + "\n"


def _group() -> int:
    from accord.ingest.pipeline import GROUP

    return GROUP


def _span(pair: list[int]) -> str:
    return f"{pair[0]:,}–{pair[1]:,}"


def _accuracy_row(label: str, kind: str, s: dict[str, Any]) -> str:
    detail = s.get("speaker_right", s.get("detail"))
    return (f"| {label} | {kind} | {s['precision']:.3f} | {s['recall']:.3f} | {detail:.3f} | {s['exact']:.3f} | "
            f"{s['gold']} |")


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            return next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor() or platform.machine()


def write_section(text: str) -> None:
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    new = pattern.sub(lambda _: text + "\n", old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
    DOC.write_text(new, encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench ingest", description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size for the speed runs (MB of text)")
    ap.add_argument("--stream", type=int, default=10_000, help="articles for the memory run (0: skip)")
    ap.add_argument("--accuracy", action="store_true", help="also score dev, held-out and PLOVER")
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    ap.add_argument("--rounds", type=int, default=7, help="alternating single passes of tokenizer and pipeline")
    ap.add_argument("--instructions", action="store_true",
                    help="also count both single passes' instructions under valgrind's callgrind (minutes)")
    ap.add_argument("--one-pass", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)  # run by --instructions
    args = ap.parse_args(argv)
    if args.rounds < 1:
        ap.error("--rounds: at least 1")
    if args.instructions and shutil.which("valgrind") is None:
        ap.error("--instructions needs valgrind (Debian: apt-get install valgrind)")
    if args.one_pass:
        _one_pass(*args.one_pass)
        return 0
    spd = speed(args.mb, args.rounds)
    if args.instructions:
        spd.update(instructions(args.mb))
    print(json.dumps(spd))
    mem = memory(args.stream) if args.stream else None
    if mem:
        print(json.dumps(mem))
    acc = accuracy() if args.accuracy else None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO).stdout.strip()
    text = render(spd, mem, acc, commit or "?")
    print(text)
    if not args.no_write:
        write_section(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
