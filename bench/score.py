#!/usr/bin/env python3
"""Score `stemma dedup --format json` on a corpus made by ../shared/bench/gen_corpus.py.

A planted pair (truth.jsonl) counts as found when both paragraphs are copies
in the same duplicate cluster (a merged region contributes its k-th paragraph
of each copy to the k-th position). Precision is over the pairs a cluster
implies. Paragraph ids follow the generator: `<file>#<index>` with paragraphs
separated by one blank line.

usage: score.py CORPUS REPORT.json [--min-words N]
"""
import collections
import json
import os
import re
import sys

WORD = re.compile(r"\w+")


def main():
    corpus, report = sys.argv[1], sys.argv[2]
    min_words = int(sys.argv[sys.argv.index("--min-words") + 1]) if "--min-words" in sys.argv else 10
    rep = json.load(open(report))
    cache = {}

    def para_starts(path):
        if path not in cache:
            s = open(os.path.join(corpus, "docs", path), "rb").read()
            starts, pos = [], 0
            for p in s.rstrip(b"\n").split(b"\n\n"):
                starts.append(pos)
                pos += len(p) + 2
            cache[path] = starts
        return cache[path]

    def paras(span):
        starts = para_starts(span["path"])
        import bisect
        a = bisect.bisect_right(starts, span["start"]) - 1
        b = bisect.bisect_right(starts, span["end"] - 1) - 1
        name = os.path.basename(span["path"])
        return ["%s#%d" % (name, i) for i in range(a, b + 1)]

    parent = {}

    def find(x):
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    implied = 0
    groups = []
    for c in rep["duplicates"]:
        members = [paras(s) for s in c["spans"]]
        width = min(len(m) for m in members)
        for k in range(width):
            ids = [m[k] for m in members]
            groups.append(ids)
            implied += len(ids) * (len(ids) - 1) // 2
            for x in ids[1:]:
                union(ids[0], x)
    # truth components, to judge implied pairs
    tparent = {}

    def tfind(x):
        while tparent.get(x, x) != x:
            x = tparent[x]
        return x

    truth = [json.loads(l) for l in open(os.path.join(corpus, "truth.jsonl"))]
    for r in truth:
        ra, rb = tfind(r["a"]), tfind(r["b"])
        if ra != rb:
            tparent[ra] = rb
    correct = 0
    for ids in groups:
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                correct += tfind(ids[i]) == tfind(ids[j])

    def nwords(pid):
        name, idx = pid.split("#")
        s = open(os.path.join(corpus, "docs", name), encoding="utf-8").read()
        return len(WORD.findall(s.rstrip("\n").split("\n\n")[int(idx)]))

    by_band = collections.defaultdict(lambda: [0, 0])
    by_kind = collections.defaultdict(lambda: [0, 0])
    for r in truth:
        if min(nwords(r["a"]), nwords(r["b"])) < min_words:
            continue
        hit = find(r["a"]) == find(r["b"])
        j = r["jaccard_w3"]
        band = ">=0.9" if j >= 0.9 else ">=0.7" if j >= 0.7 else ">=0.5" if j >= 0.5 else "<0.5"
        by_band[band][0] += hit
        by_band[band][1] += 1
        by_kind[r["kind"]][0] += hit
        by_kind[r["kind"]][1] += 1
    hi = [v for k, v in by_band.items() if k in (">=0.9", ">=0.7")]
    out = {
        "clusters": len(rep["duplicates"]),
        "implied_pairs": implied,
        "precision": round(correct / implied, 4) if implied else None,
        "recall_all": round(sum(v[0] for v in by_kind.values()) / max(1, sum(v[1] for v in by_kind.values())), 4),
        "recall_j>=0.7": round(sum(v[0] for v in hi) / max(1, sum(v[1] for v in hi)), 4),
        "recall_by_jaccard_w3": {k: round(v[0] / v[1], 4) for k, v in sorted(by_band.items())},
        "recall_by_kind": {k: round(v[0] / v[1], 4) for k, v in sorted(by_kind.items())},
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
