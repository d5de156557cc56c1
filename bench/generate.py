#!/usr/bin/env python3
"""Write N synthetic coprod records for benchmarking.

    python3 bench/generate.py N OUTDIR [--seed S]

writes OUTDIR/record-00001.yaml ... in the same layout as examples/2026/parent-carers.yaml:
the same `framework:` block (its fingerprint is copied from that example, so the records pass
coprod's strict framework check), 22 to 24 answers in framework order, a sentence or two of
evidence per answer with some non-ASCII text, and 2 to 4 actions per record. A typical record
is 4 to 6 KB, like the real ones.

Standard library only, so it runs anywhere Python 3 does. The output depends only on N and the
seed, so two machines benchmark the same bytes.
"""

import argparse
import random
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The example whose framework block we copy. Reading the fingerprint from it (rather than
# writing it here) keeps the generator right when the framework's wording changes and the
# examples are updated with it.
EXAMPLE = ROOT / "examples" / "2026" / "parent-carers.yaml"

# The 24 indicator ids of the built-in four-cornerstones framework, in framework order
# (frameworks/four-cornerstones.yaml). Records list their answers in this order.
INDICATORS = [f"{prefix}{n}" for prefix in ("wc", "vi", "cm", "wp") for n in range(1, 7)]

GROUPS = ["parent-carers", "local-authority", "health", "education", "young-people"]

STATUSES = ["not-started", "in-progress", "done", "embedded", "dropped"]

# Partnership names are built from parts so that records differ, as they would across many
# areas. Some parts carry Welsh letters (ŵ, ŷ), which are multi-byte in UTF-8.
PLACES = [
    "Hafren Vale", "Glan-y-dŵr", "Bryn Tawe", "Northfield", "Ashby Marsh", "Cwm Llŷr",
    "Riverside", "Pen-y-bont", "Eastmoor", "Caerwen", "Kingsholm", "Maes-y-coed",
    "Westbrook", "Tŷ Newydd", "Hollins Cross", "St Cadoc's",
]
PARTNERSHIP_KINDS = [
    "SEND Partnership", "Local Area SEND Partnership", "Parent Carer Forum Partnership",
    "Children and Young People's Board", "Inclusion Partnership",
]

FIRST_NAMES = [
    "Siân", "Zoë", "Mihai", "Llŷr", "Renée", "Aoife", "Gwenllian", "Tomasz", "Priya", "Dafydd",
    "Chloé", "Amara", "Rhodri", "Agnieszka", "José", "Ffion", "Kwame", "Hélène", "Owain", "Mared",
]
LAST_NAMES = [
    "Prydderch", "Okafor", "Ionescu", "Jenkins", "Dubois", "Ní Bhriain", "Kowalski", "Patel",
    "Huws", "Mensah", "Lefèvre", "Ap Gwilym", "Nowak", "García", "Evans", "Bowen",
]

# Evidence is assembled from sentence templates and fillers. The fillers include the
# characters the brief asks for: ŵ, é, “ ”, — and £.
SUBJECTS = [
    "Parent carers", "Officers", "The forum", "Young people on the panel", "Health colleagues",
    "School leaders", "The council's senior team", "New members", "Families in Glan-y-dŵr",
    "The café group", "Dads and grandparents", "Our coordinator",
]
OBSERVATIONS = [
    "said they felt expected, not tolerated",
    "now get papers ten working days ahead",
    "were asked before the decision, not after it",
    "still hear about changes from the local paper first",
    "co-wrote the short breaks review",
    "are paid for their time on health work but not council work",
    "noticed that the “you said, we did” page is now updated every term",
    "told us the hybrid room made it possible to take part at all",
    "feel the Schools Forum is still not a place to push back",
    "have a named contact who answers within a week",
    "found the easy read summary genuinely useful",
    "were surprised by the £2.1m high needs recovery plan",
]
PLACES_OF_WORK = [
    "at Canolfan Gŵyl", "in the termly forum", "at the partnership board", "in the café at the library",
    "on the WhatsApp channel", "at the Pen-y-bont drop-in", "in working groups", "online",
]
FOLLOW_UPS = [
    "Attendance rose from {a} to {b} families this year.",
    "The wellbeing fund of £{m} has not happened yet — we will ask again in {month}.",
    "Renée and Llŷr both described it as “a real change”.",
    "It depends on who is in the room, which makes it fragile.",
    "The officers score this much higher than we do.",
    "Half the items are things we never asked for, and the hard ones are missing.",
    "The grant is still year to year; the coordinator's contract ends in {month}.",
    "Claims are now paid within {d} working days, down from {e}.",
    "Key papers are in easy read, Polish and Romanian; the résumé of each meeting is in Welsh too.",
    "Nobody could tell us who signed off the new banding model — that matters.",
]
MONTHS = ["January", "March", "April", "June", "September", "November"]

ACTION_VERBS = [
    "Agree", "Publish", "Check", "Set up", "Review", "Fund", "Write", "Co-chair", "Run",
]
ACTION_OBJECTS = [
    "a written expenses and replacement care policy with the council",
    "a three-year funding agreement for the forum",
    "each “you said, we did” item with the forum before it is published",
    "a joint induction for new board members",
    "the SEND strategy refresh with the forum",
    "easy read versions of every board paper",
    "a wellbeing fund of £{m} for forum volunteers",
    "termly budget briefings before Cabinet",
    "an outreach session in Glan-y-dŵr and at the café",
]
OWNERS = [
    "Forum Chair", "SEND Partnership Manager", "Local Offer Lead",
    "Director of Children's Services", "Assistant Director, Education and Inclusion",
    "Designated Clinical Officer", "Head of Inclusion", "Young People's Participation Lead",
]

# The framework block layout, exactly as in the example; only the values are filled in.
FRAMEWORK_BLOCK = re.compile(
    r"^framework:\n  id: (?P<id>.+)\n  version: (?P<version>.+)\n  fingerprint: (?P<fp>.+)$",
    re.MULTILINE,
)


def framework_block():
    """The example's `framework:` block, verbatim (id, version and fingerprint)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    m = FRAMEWORK_BLOCK.search(text)
    if not m:
        sys.exit(f"generate.py: no framework block found in {EXAMPLE}")
    return m.group(0)


def evidence(rng):
    """One or two sentences, different enough per answer that records don't repeat."""
    first = (
        f"{rng.choice(SUBJECTS)} {rng.choice(PLACES_OF_WORK)} {rng.choice(OBSERVATIONS)}."
    )
    if rng.random() < 0.35:
        return first
    second = rng.choice(FOLLOW_UPS).format(
        a=rng.randint(5, 20),
        b=rng.randint(21, 60),
        m=f"{rng.randint(1, 40) * 250:,}",
        month=rng.choice(MONTHS),
        d=rng.randint(5, 10),
        e=rng.randint(20, 40),
    )
    return f"{first} {second}"


def folded(text, indent):
    """A `>-` block scalar body wrapped like the examples (lines up to about 96 columns).

    Breaking only at spaces, with no leading spaces on any line, makes YAML fold the lines
    back into exactly `text`.
    """
    lines = textwrap.wrap(
        text, width=96 - len(indent), break_long_words=False, break_on_hyphens=False
    )
    return "".join(f"{indent}{line}\n" for line in lines)


def action(rng, year):
    """One action in the example's layout: what, owner, due (usually), status."""
    what = f"{rng.choice(ACTION_VERBS)} {rng.choice(ACTION_OBJECTS)}".format(
        m=f"{rng.randint(1, 40) * 250:,}"
    )
    out = f"      - what: {what}\n        owner: {rng.choice(OWNERS)}\n"
    if rng.random() < 0.8:
        out += f"        due: {year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
    out += f"        status: {rng.choice(STATUSES)}\n"
    return out


def record(rng, fw_block):
    """The text of one record."""
    year = rng.choice([2024, 2025, 2026])
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    partnership = f"{rng.choice(PLACES)} {rng.choice(PARTNERSHIP_KINDS)}"
    group = rng.choice(GROUPS)
    people = [
        f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.randint(3, 8))
    ]

    # 22 to 24 answers: a workshop sometimes runs out of time before the last few.
    answered = INDICATORS[: rng.randint(22, 24)]
    # 2 to 4 actions, each attached to a different answered indicator.
    with_action = {}
    for ind in rng.sample(answered, rng.randint(2, 4)):
        with_action[ind] = with_action.get(ind, 0) + 1

    out = [
        "format: 1\n",
        fw_block + "\n",
        f"partnership: {partnership}\n",
        f"date: {date}\n",
        "scored_by:\n",
        "  kind: group\n",
        f"  group: {group}\n",
        "participants:\n",
    ]
    out += [f"  - {p}\n" for p in people]
    out.append("answers:\n")
    for ind in answered:
        level = "n/a" if rng.random() < 0.04 else str(rng.randint(1, 5))
        out.append(f"  - indicator: {ind}\n    level: {level}\n")
        out.append("    evidence: >-\n" + folded(evidence(rng), "      "))
        if ind in with_action:
            out.append("    actions:\n")
            out += [action(rng, year) for _ in range(with_action[ind])]
    return "".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many records")
    parser.add_argument("outdir", type=Path, help="folder to write them into (created)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    args = parser.parse_args()
    if args.n < 1:
        parser.error("N must be at least 1")

    rng = random.Random(args.seed)
    fw_block = framework_block()
    args.outdir.mkdir(parents=True, exist_ok=True)
    # Zero-padded to at least five digits so a shell glob lists the files in order.
    width = max(5, len(str(args.n)))
    total = 0
    for i in range(1, args.n + 1):
        data = record(rng, fw_block).encode("utf-8")
        (args.outdir / f"record-{i:0{width}d}.yaml").write_bytes(data)
        total += len(data)
    print(
        f"wrote {args.n} records to {args.outdir} "
        f"({total:,} bytes, {total / args.n / 1024:.1f} KiB each on average)"
    )


if __name__ == "__main__":
    main()
