#!/usr/bin/env python3
"""Oracle for `aifprep export anki`: imports an .apkg twice into a fresh collection with the real Anki
library (pip install anki) and prints, as JSON, what Anki saw: the counts each import reported, the notes'
fields and tags, decks, scheduling (due in days from today, FSRS memory state) and the review log.

usage: check_apkg.py FILE.apkg
"""
import json
import os
import sys
import tempfile

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest


def main(path):
    folder = tempfile.mkdtemp()
    col = Collection(os.path.join(folder, "collection.anki2"))
    imports = []
    for _ in range(2):
        result = col.import_anki_package(ImportAnkiPackageRequest(
            package_path=os.path.abspath(path), options=ImportAnkiPackageOptions(with_scheduling=True)))
        imports.append({"new": len(result.log.new), "updated": len(result.log.updated),
                        "duplicate": len(result.log.duplicate), "conflicting": len(result.log.conflicting),
                        "notes": col.note_count(), "cards": col.card_count()})
    today = col.sched.today
    notes = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        card = note.cards()[0]
        state = card.memory_state
        notes[note.guid] = {
            "fields": dict(zip(note.keys(), note.fields)),
            "tags": sorted(note.tags),
            "deck": col.decks.name(card.did),
            "type": card.type, "queue": card.queue,
            "due_in_days": card.due - today if card.type == 2 else None,
            "interval": card.ivl, "reps": card.reps, "lapses": card.lapses,
            "memory": None if state is None else {"s": round(state.stability, 3), "d": round(state.difficulty, 3)},
            "reviews": [list(r) for r in col.db.all("select ease, ivl, lastIvl, type from revlog where cid = ? order by id", card.id)],
        }
    checksums_set = col.db.scalar("select count() from notes where csum = 0") == 0
    print(json.dumps({"imports": imports, "decks": sorted(d.name for d in col.decks.all_names_and_ids()),
                      "checksums_set": checksums_set, "notes": notes}, ensure_ascii=False, indent=1, sort_keys=True))
    col.close()


if __name__ == "__main__":
    main(sys.argv[1])
