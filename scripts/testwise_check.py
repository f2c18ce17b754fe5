#!/usr/bin/env python3
"""The test-wise check of issue "A full exam bank": can a reader who sees only the options of a question
(no stem) pick its key? A bank whose keys stand out (the longest, the only specific or hedged option)
fails; chance is 25 % for four options.

  sample DIR [--seed N] [--count 40]   draw single-answer questions from Content/ into DIR:
                                       options.md (what the reader sees: shuffled options, no stem, no key)
                                       and key.json (kept from the reader)
  score DIR                            compare DIR/guesses.txt (lines "N: letter") with key.json,
                                       write DIR/result.txt and print the figure

The reader must not have written the items and must not open Content/ or key.json."""
import json, random, sys, glob, os, hashlib
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def single_questions():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Content", "questions", "*.yaml"))):
        doc = yaml.safe_load(open(path, encoding="utf-8")) or {}
        for q in doc.get("questions") or []:
            if q.get("type") == "single":
                out.append(q)
    return out

def sample(directory, seed, count):
    rng = random.Random(seed)
    pool = single_questions()
    chosen = rng.sample(pool, count)
    os.makedirs(directory, exist_ok=True)
    lines = ["# Options only: which one is the key?", "",
             "Each block lists the four options of one exam question, in random order, without its stem.",
             "Guess the correct option from the options alone. Answer in guesses.txt, one line per item: `N: X`.", ""]
    key = []
    for n, q in enumerate(chosen, 1):
        options = list(q["options"])
        rng.shuffle(options)
        letters = "ABCD"
        lines.append(f"## {n}")
        for letter, o in zip(letters, options):
            lines.append(f"{letter}. {str(o['text']['en']).strip()}")
        lines.append("")
        right = next(letter for letter, o in zip(letters, options) if o.get("correct"))
        key.append({"n": n, "id": q["id"], "key": right,
                    "keyText": str(next(o for o in options if o.get("correct"))["text"]["en"]).strip(),
                    # every option as shown, so that a sample goes stale when any option changes, not only the key
                    "options": [str(o["text"]["en"]).strip() for o in options]})
    open(os.path.join(directory, "options.md"), "w", encoding="utf-8").write("\n".join(lines))
    json.dump({"seed": seed, "count": count, "pool": len(pool), "items": key},
              open(os.path.join(directory, "key.json"), "w", encoding="utf-8"), indent=1, ensure_ascii=False)
    print(f"sampled {count} of {len(pool)} single-answer questions (seed {seed}) into {directory}")

def score(directory):
    key = json.load(open(os.path.join(directory, "key.json"), encoding="utf-8"))
    guesses = {}
    for line in open(os.path.join(directory, "guesses.txt"), encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        n, letter = line.split(":", 1)
        guesses[int(n)] = letter.strip().upper()[:1]
    items = key["items"]
    hits = [i for i in items if guesses.get(i["n"]) == i["key"]]
    missing = [i["n"] for i in items if i["n"] not in guesses]
    share = len(hits) / len(items)
    text = [f"test-wise check: {len(hits)} of {len(items)} keys found from the options alone = {100*share:.0f} % "
            f"(chance 25 %, limit 35 %)",
            f"sample seed {key['seed']}, drawn from {key['pool']} single-answer questions",
            "found: " + ", ".join(i["id"] for i in hits)]
    if missing:
        text.append("no guess for: " + ", ".join(map(str, missing)))
    open(os.path.join(directory, "result.txt"), "w", encoding="utf-8").write("\n".join(text) + "\n")
    print("\n".join(text))
    return share

if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "sample":
        seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 20261201
        count = int(sys.argv[sys.argv.index("--count") + 1]) if "--count" in sys.argv else 40
        sample(sys.argv[2], seed, count)
    elif len(sys.argv) == 3 and sys.argv[1] == "score":
        score(sys.argv[2])
    else:
        print(__doc__)
        sys.exit(2)
