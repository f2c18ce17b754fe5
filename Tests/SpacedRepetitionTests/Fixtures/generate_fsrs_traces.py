"""Generate FSRS-6 reference traces for the Swift SpacedRepetition tests.

The reference is py-fsrs 6.3.2; its output is the spec the Swift scheduler must match.

Regenerate (from the repository root):

    pip install fsrs==6.3.2
    python3 Tests/SpacedRepetitionTests/Fixtures/generate_fsrs_traces.py

It rewrites Tests/SpacedRepetitionTests/Fixtures/fsrs_traces.json. The output is
deterministic: fixed histories plus random ones from a seeded `random.Random`.

Each trace: scheduler options, the reviews (ISO 8601 UTC time, rating 1-4) and, per
review, the card after it (state, step, due, stability, difficulty) and the
retrievability before it (0 for a new card).

Most traces run with fuzz off. Traces with "fuzz_seed" run with fuzz on, with
py-fsrs's `random()` replaced by SplitMix64 (the same generator as the Swift
`SeededGenerator`), turned into a double as (next() >> 11) * 2**-53.
"""

import json
import os
import random
from datetime import datetime, timedelta, timezone
from importlib.metadata import version

import fsrs
import fsrs.scheduler
from fsrs import Card, Rating, Scheduler

assert version("fsrs") == "6.3.2", f"need fsrs==6.3.2, found {version('fsrs')}"

MASK = (1 << 64) - 1
STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}
T0 = datetime(2025, 1, 1, 9, 0, 0, tzinfo=timezone.utc)
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) * 2.0**-53


def iso(dt):
    """UTC ISO 8601 with 'Z'; fractional seconds only when non-zero (trailing zeros cut)."""
    dt = dt.astimezone(timezone.utc)
    text = dt.strftime("%Y-%m-%dT%H:%M:%S")
    if dt.microsecond:
        text += ("." + f"{dt.microsecond:06d}").rstrip("0")
    return text + "Z"


def micros(dt):
    delta = dt - EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def run_trace(name, reviews, desired_retention=0.9, learning_steps=(60, 600),
              relearning_steps=(600,), maximum_interval=36500, fuzz_seed=None):
    """reviews: list of (datetime, rating int)."""
    scheduler = Scheduler(
        desired_retention=desired_retention,
        learning_steps=[timedelta(seconds=s) for s in learning_steps],
        relearning_steps=[timedelta(seconds=s) for s in relearning_steps],
        maximum_interval=maximum_interval,
        enable_fuzzing=fuzz_seed is not None,
    )
    original_random = fsrs.scheduler.random
    if fuzz_seed is not None:
        fsrs.scheduler.random = SplitMix64(fuzz_seed).unit
    try:
        card = Card(card_id=1, due=reviews[0][0])
        expected = []
        for when, rating in reviews:
            r_before = scheduler.get_card_retrievability(card, current_datetime=when)
            card, _ = scheduler.review_card(card, Rating(rating), review_datetime=when)
            expected.append({
                "state": STATE_NAMES[int(card.state)],
                "step": card.step,
                "due": iso(card.due),
                "due_us": micros(card.due),
                "stability": card.stability,
                "difficulty": card.difficulty,
                "retrievability": float(r_before),
            })
    finally:
        fsrs.scheduler.random = original_random
    return {
        "name": name,
        "scheduler": {
            "desired_retention": desired_retention,
            "learning_steps": list(learning_steps),
            "relearning_steps": list(relearning_steps),
            "maximum_interval": maximum_interval,
            "fuzz_seed": fuzz_seed,
        },
        "reviews": [{"time": iso(t), "rating": r} for t, r in reviews],
        "expected": expected,
    }


def after(*steps):
    """Fixed history: steps are (timedelta since previous review, rating)."""
    t = T0
    out = []
    for delta, rating in steps:
        t = t + delta
        out.append((t, rating))
    return out


M = lambda n: timedelta(minutes=n)
H = lambda n: timedelta(hours=n)
D = lambda n: timedelta(days=n)
Z = timedelta(0)


def fixed_traces():
    t = []
    for rating in (1, 2, 3, 4):
        t.append(run_trace(f"first review {rating}", after((Z, rating))))
    t.append(run_trace("learn then graduate then review", after(
        (Z, 3), (M(10), 3), (D(3), 3), (D(8), 3), (D(20), 3))))
    t.append(run_trace("review lapse relearn review", after(
        (Z, 3), (M(10), 3), (D(2), 3), (D(10), 1), (M(10), 3), (D(1), 3), (D(4), 2))))
    t.append(run_trace("relearning again then hard then good", after(
        (Z, 4), (D(8), 1), (M(10), 1), (M(10), 2), (M(15), 3), (D(2), 3))))
    t.append(run_trace("hard on step 0 with two learning steps", after(
        (Z, 2), (M(6), 2), (M(6), 3), (M(10), 2), (M(10), 3))))
    t.append(run_trace("hard on step 0 with one learning step", after(
        (Z, 2), (M(2), 2), (M(2), 3)), learning_steps=(60,)))
    t.append(run_trace("hard on step 0 with one relearning step", after(
        (Z, 3), (M(10), 3), (D(3), 1), (M(10), 2), (M(15), 3)), relearning_steps=(600,)))
    t.append(run_trace("hard on step 0 with two relearning steps", after(
        (Z, 3), (M(10), 3), (D(3), 1), (M(5), 2), (M(5), 3), (M(30), 2), (H(1), 3)),
        relearning_steps=(300, 1800)))
    t.append(run_trace("odd steps give half-second due", after(
        (Z, 2), (M(1), 1), (Z, 2)), learning_steps=(45, 600)))
    t.append(run_trace("easy from learning step 1", after((Z, 3), (M(10), 4), (D(15), 3))))
    t.append(run_trace("easy from relearning", after(
        (Z, 3), (M(10), 3), (D(3), 1), (M(10), 4))))
    t.append(run_trace("again in learning resets step", after(
        (Z, 3), (M(10), 1), (M(1), 3), (M(10), 3))))
    t.append(run_trace("many same-day reviews", after(
        (Z, 3), (M(1), 3), (M(1), 4), (M(30), 1), (M(5), 2), (H(2), 3), (H(3), 4), (H(4), 1), (M(10), 3))))
    t.append(run_trace("same-day reviews while in review", after(
        (Z, 4), (H(1), 3), (H(2), 2), (H(3), 4), (H(20), 3))))
    t.append(run_trace("repeated lapses", after(
        (Z, 3), (M(10), 3), (D(2), 1), (M(10), 3), (D(1), 1), (M(10), 1), (M(10), 3), (D(1), 1), (M(10), 3))))
    t.append(run_trace("long gaps of years", after(
        (Z, 3), (M(10), 3), (D(700), 3), (D(1500), 1), (M(10), 3), (D(3000), 3), (D(4000), 4))))
    t.append(run_trace("same time twice", after((Z, 3), (Z, 3), (Z, 1), (Z, 4))))
    t.append(run_trace("hits small maximum interval", after(
        (Z, 4), (D(5), 4), (D(5), 4), (D(5), 4), (D(5), 3)), maximum_interval=5))
    t.append(run_trace("hits maximum interval 365", after(
        (Z, 4), (D(30), 4), (D(200), 4), (D(365), 4), (D(365), 4)), maximum_interval=365))
    t.append(run_trace("hits default maximum interval", after(
        (Z, 4), (D(100), 4), (D(3000), 4), (D(20000), 4), (D(36500), 4), (D(36500), 4))))
    for dr in (0.8, 0.95, 0.7, 0.97):
        t.append(run_trace(f"desired retention {dr}", after(
            (Z, 3), (M(10), 3), (D(3), 3), (D(7), 2), (D(20), 1), (M(10), 3), (D(5), 4)),
            desired_retention=dr))
    t.append(run_trace("empty learning steps", after(
        (Z, 1), (D(1), 2), (D(2), 3), (D(5), 1), (M(10), 3)), learning_steps=()))
    t.append(run_trace("empty relearning steps", after(
        (Z, 3), (M(10), 3), (D(3), 1), (H(3), 1), (D(1), 3)), relearning_steps=()))
    t.append(run_trace("empty learning and relearning steps", after(
        (Z, 2), (H(1), 1), (D(1), 3), (D(4), 1)), learning_steps=(), relearning_steps=()))
    t.append(run_trace("three custom learning steps", after(
        (Z, 3), (M(5), 3), (M(30), 2), (M(30), 3), (H(4), 3), (D(2), 3)),
        learning_steps=(300, 1800, 14400)))
    t.append(run_trace("early reviews before due", after(
        (Z, 3), (M(2), 3), (D(1), 3), (H(30), 3), (D(2), 2), (D(1), 3))))
    t.append(run_trace("late reviews after due", after(
        (Z, 3), (M(50), 3), (D(20), 3), (D(200), 3), (D(400), 1), (H(5), 3))))
    return t


RATINGS = (1, 2, 3, 4)
RATING_WEIGHTS = (0.15, 0.15, 0.55, 0.15)


def random_history(rng, count):
    t = T0 + timedelta(seconds=rng.randrange(0, 86400 * 30))
    out = [(t, rng.choices(RATINGS, RATING_WEIGHTS)[0])]
    for _ in range(count - 1):
        kind = rng.random()
        if kind < 0.35:
            gap = timedelta(seconds=rng.randrange(30, 6 * 3600))        # minutes to hours
        elif kind < 0.55:
            gap = timedelta(seconds=rng.randrange(6 * 3600, 3 * 86400))  # around a day
        elif kind < 0.9:
            gap = timedelta(seconds=rng.randrange(3 * 86400, 120 * 86400))
        else:
            gap = timedelta(seconds=rng.randrange(120 * 86400, 900 * 86400))  # very late
        t = t + gap
        out.append((t, rng.choices(RATINGS, RATING_WEIGHTS)[0]))
    return out


def random_due_relative_history(rng, count, scheduler_options):
    """Reviews placed relative to the card's due date: some early, some late."""
    scheduler = Scheduler(enable_fuzzing=False, **{
        k: v for k, v in scheduler_options.items()})
    card = Card(card_id=1, due=T0)
    t = T0
    out = []
    for i in range(count):
        if i > 0:
            interval = max((card.due - card.last_review).total_seconds(), 1)
            factor = rng.choice((0.2, 0.5, 0.9, 1.0, 1.0, 1.3, 2.0, 5.0))
            t = card.last_review + timedelta(seconds=int(interval * factor))
        rating = rng.choices(RATINGS, RATING_WEIGHTS)[0]
        card, _ = scheduler.review_card(card, Rating(rating), review_datetime=t)
        out.append((t, rating))
    return out


def random_traces():
    rng = random.Random(20250101)
    t = []
    step_choices = [((60, 600), (600,)), ((60,), ()), ((), (600,)), ((120, 900, 3600), (300, 1200))]
    for i in range(30):
        dr = rng.choice((0.9, 0.9, 0.8, 0.85, 0.95))
        ls, rs = rng.choice(step_choices)
        max_ivl = rng.choice((36500, 36500, 365, 30))
        t.append(run_trace(f"random gaps {i}", random_history(rng, rng.randrange(5, 30)),
                           desired_retention=dr, learning_steps=ls, relearning_steps=rs,
                           maximum_interval=max_ivl))
    for i in range(20):
        dr = rng.choice((0.9, 0.8, 0.95))
        ls, rs = rng.choice(step_choices)
        options = {
            "desired_retention": dr,
            "learning_steps": [timedelta(seconds=s) for s in ls],
            "relearning_steps": [timedelta(seconds=s) for s in rs],
        }
        t.append(run_trace(f"random around due {i}",
                           random_due_relative_history(rng, rng.randrange(5, 30), options),
                           desired_retention=dr, learning_steps=ls, relearning_steps=rs))
    for i in range(10):
        max_ivl = rng.choice((36500, 100, 10))
        t.append(run_trace(f"random fuzzed {i}", random_history(rng, rng.randrange(10, 30)),
                           maximum_interval=max_ivl, fuzz_seed=rng.randrange(0, 1 << 64)))
    return t


def splitmix_vectors():
    vectors = []
    for seed in (0, 1, 42, 0xFFFFFFFFFFFFFFFF):
        gen = SplitMix64(seed)
        vectors.append({"seed": str(seed), "outputs": [str(gen.next()) for _ in range(5)]})
    return vectors


def fuzz_ranges():
    """py-fsrs's fuzz bounds (min_ivl, max_ivl) for intervals 1...400, maximum 36500 and 100."""
    out = []
    for maximum in (36500, 100):
        scheduler = Scheduler(maximum_interval=maximum)
        for days in range(1, 401):
            fuzzed = []
            # The bounds are the extremes random() can produce; probe with 0 and just-below-1.
            original = fsrs.scheduler.random
            try:
                for value in (0.0, 1.0 - 2.0**-53):
                    fsrs.scheduler.random = lambda v=value: v
                    fuzzed.append(scheduler._get_fuzzed_interval(interval=timedelta(days=days)).days)
            finally:
                fsrs.scheduler.random = original
            out.append({"maximum_interval": maximum, "interval": days,
                        "lowest": fuzzed[0], "highest": fuzzed[1]})
    return out


def main():
    data = {
        "generator": "py-fsrs 6.3.2 via generate_fsrs_traces.py",
        "traces": fixed_traces() + random_traces(),
        "splitmix64": splitmix_vectors(),
        "fuzz_bounds": fuzz_ranges(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fsrs_traces.json")
    with open(path, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(data['traces'])} traces to {path}")


if __name__ == "__main__":
    main()
