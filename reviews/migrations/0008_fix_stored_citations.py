"""Fix the stored history, compilation and review-cycle rows whose citations gave line numbers
of text copies: give each compilation item loaded from the reference data its reference key (the
loader then brings its text, source and place in line with fixtures/sources/), place the items
the secretariat added after them, and replace the cycle's default citations where nobody has
edited them. Timeline events need nothing here: the loader replaces every event without a key.
"""

from django.db import migrations

# The compilation items' former sources (their only identity before 0007) -> reference keys.
COMPILATION_KEYS = {
    'seed003 line 97 (label), seed003 line 99 (text)': '2022-wg.4-14',
    'seed003 line 103 (label), seed003 line 105 (text)': '2022-wg.7-13',
    'seed003 line 113 (label), seed003 line 115 (text)': '2023-wg.6-17',
    'seed003 line 117 (label), seed003 line 119 (text)': '2023-wg.6-18',
    'seed003 line 123 (label), seed003 line 125 (text)': '2023-wg.2-2',
    'seed003 line 127 (label), seed003 line 129 (text)': '2023-wg.2-3',
    'seed003 line 131 (label), seed003 line 133 (text)': '2023-wg.2-4',
    'seed003 line 135 (label), seed003 line 137 (text)': '2023-wg.2-5',
    'seed003 line 141 (label), seed003 line 143 (text)': '2023-wg.2-6',
    'seed003 line 145 (label), seed003 line 147 (text)': '2023-wg.2-7',
    'seed003 line 151 (label), seed003 line 153 (text)': '2023-wg.3-l',
    'seed003 line 155 (label), seed003 line 157 (text)': '2023-wg.3-m',
    'seed003 line 159 (label), seed003 line 161 (text)': '2023-wg.3-n',
    'seed003 line 163 (label), seed003 line 165 (text)': '2023-wg.3-o',
    'seed003 line 171 (label), seed003 line 173 (text)': '2023-wg.7-15',
    'seed003 line 175 (label), seed003 line 177 (text)': '2023-wg.7-16',
    'seed003 line 191': '2023-dialogue-ta-1',
    'seed003 line 193': '2023-dialogue-ta-2',
    'seed003 line 195': '2023-dialogue-ta-3',
    'seed003 line 197': '2023-dialogue-ta-4',
    'seed003 line 203': '2023-dialogue-ic-1',
    'seed003 line 205': '2023-dialogue-ic-2',
    'seed003 line 207': '2023-dialogue-ic-3',
    'seed003 line 209': '2023-dialogue-ic-4',
    'seed003 line 211': '2023-dialogue-ic-5',
    'seed003 lines 215-227': '2023-dialogue-tip-1',
    'seed003 line 229': '2023-dialogue-tip-2',
    'seed003 line 231': '2023-dialogue-tip-3',
    'seed003 line 233': '2023-dialogue-tip-4',
    'seed003 line 235': '2023-dialogue-tip-5',
    'seed003 line 239': '2023-dialogue-som-1',
    'seed003 line 241': '2023-dialogue-som-2',
    'seed003 line 243': '2023-dialogue-som-3',
    'seed003 line 245': '2023-dialogue-som-4',
    'seed003 line 247': '2023-dialogue-som-5',
    'seed003 line 249': '2023-dialogue-som-6',
    'seed003 line 251': '2023-dialogue-som-7',
}

OLD_GROUP_SOURCE = (
    "Seed 002 Figure 2 and L418-420 (groups start in three consecutive years; drawing of lots "
    "expected in November 2020); seed 000 L2556-2620"
)
OLD_PREPARATORY_SOURCE = (
    "COP resolution 9/1 (9th session, 15-19 October 2018) established the Mechanism; "
    "resolution 10/1 (10th session, 12-16 October 2020) launched the review process "
    "(seed 001; seed 002 Figure 2)"
)
GROUP_SOURCES = {
    1: (
        "unodc-2021-11-01; unodc-2022-11-01; guide: Part 2, Figure 2",
        "UNODC gives October 2020 for the start of the first group; the day is not published: "
        "1 November 2020 is the portal's approximation, for the secretariat to correct.",
    ),
    2: ("unodc-2021-11-01", ""),
    3: ("unodc-2022-11-01", ""),
}
PREPARATORY_SOURCE = (
    "compilation: “Background on the Review Mechanism” (p. 3); untoc-at-20: section “The Review "
    "Mechanism”, figure II"
)


def fix_stored_citations(apps, schema_editor):
    CompilationItem = apps.get_model("reviews", "CompilationItem")
    ReviewGroup = apps.get_model("reviews", "ReviewGroup")
    PreparatoryPhase = apps.get_model("reviews", "PreparatoryPhase")
    for item in CompilationItem.objects.filter(reference_key=""):
        key = COMPILATION_KEYS.get(item.source)
        if key and item.added_by_id is None:
            item.reference_key = key
        else:  # added by the secretariat: after the reference items of its year
            item.position = 10_000 + item.pk
        item.save(update_fields=["reference_key", "position"])
    for group in ReviewGroup.objects.filter(source=OLD_GROUP_SOURCE):
        group.source, group.note = GROUP_SOURCES.get(group.number, (group.source, group.note))
        group.save(update_fields=["source", "note"])
    PreparatoryPhase.objects.filter(source=OLD_PREPARATORY_SOURCE).update(
        source=PREPARATORY_SOURCE
    )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0007_sourced_history_compilation_and_party_counts")]

    operations = [migrations.RunPython(fix_stored_citations, migrations.RunPython.noop)]
