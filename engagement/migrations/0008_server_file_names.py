"""Every stored file gets a name the server makes, and every file field serves through the
checked view (portal.files).

Files stored before kept their uploader's name (``applications/comments/poly.html``) or a
guessable one (``letters/focal_point-ken-<date>-<org>.pdf``, ``exports/letters-<time>.zip``).
Each is copied to ``<folder>/<32 random hex digits>.<extension of its checked type>``, the row
is pointed at the copy, letters made with a renamed logo follow it, and the old files are
deleted once the migration has committed. A row whose file is missing from the storage is
left as it is (the view answers 404 for it). Runs on an empty database as on a full one.
"""

import re
import secrets

from django.db import migrations, transaction

import portal.files

# (model, field, folder, extension): the extension is the type each upload was checked to be.
FILES = [
    ("Application", "nomination_letter", "applications/letters", "pdf"),
    ("WrittenComment", "document", "applications/comments", "pdf"),
    ("Letter", "pdf", "letters", "pdf"),
    ("LetterExport", "archive", "exports", "zip"),
    ("LetterExport", "merged", "exports", "pdf"),
    ("Dialogue", "background_paper", "dialogues/papers", "pdf"),
    ("PledgeSignature", "source_document", "pledges", "pdf"),
    ("Organization", "logo", "logos", "png"),
]


def rename_stored_files(apps, schema_editor):
    from django.core.files.storage import default_storage

    alias = schema_editor.connection.alias
    replaced, renamed_logos = [], {}
    for model_name, field, folder, extension in FILES:
        model = apps.get_model("engagement", model_name)
        server_made = re.compile(rf"{re.escape(folder)}/[0-9a-f]{{32}}\.{extension}")
        rows = model.objects.using(alias).exclude(**{field: ""}).values_list("pk", field)
        for pk, name in list(rows):
            if server_made.fullmatch(name) or not default_storage.exists(name):
                continue
            with default_storage.open(name, "rb") as handle:
                new = default_storage.save(
                    f"{folder}/{secrets.token_hex(16)}.{extension}", handle
                )
            model.objects.using(alias).filter(pk=pk).update(**{field: new})
            replaced.append(name)
            if model_name == "Organization":
                renamed_logos[name] = new
    if renamed_logos:
        letter_model = apps.get_model("engagement", "Letter")
        letters = letter_model.objects.using(alias).filter(
            input__organization_logo__in=list(renamed_logos)
        )
        for letter in letters:
            letter.input["organization_logo"] = renamed_logos[letter.input["organization_logo"]]
            letter.save(update_fields=["input"])

    def delete_replaced():
        for name in set(replaced):
            default_storage.delete(name)

    transaction.on_commit(delete_replaced, using=alias)


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0007_letter_exports"),
    ]

    operations = [
        migrations.AlterField(
            model_name="application",
            name="nomination_letter",
            field=portal.files.ServedFileField(
                blank=True,
                upload_to=portal.files.ServerFileName("applications/letters", "pdf"),
                verbose_name="nomination letter (PDF)",
            ),
        ),
        migrations.AlterField(
            model_name="dialogue",
            name="background_paper",
            field=portal.files.ServedFileField(
                blank=True,
                upload_to=portal.files.ServerFileName("dialogues/papers", "pdf"),
                verbose_name="background paper (PDF)",
            ),
        ),
        migrations.AlterField(
            model_name="letter",
            name="pdf",
            field=portal.files.ServedFileField(
                upload_to=portal.files.ServerFileName("letters", "pdf"), verbose_name="PDF"
            ),
        ),
        migrations.AlterField(
            model_name="letterexport",
            name="archive",
            field=portal.files.ServedFileField(
                blank=True,
                upload_to=portal.files.ServerFileName("exports", "zip"),
                verbose_name="ZIP",
            ),
        ),
        migrations.AlterField(
            model_name="letterexport",
            name="merged",
            field=portal.files.ServedFileField(
                blank=True,
                upload_to=portal.files.ServerFileName("exports", "pdf"),
                verbose_name="merged PDF",
            ),
        ),
        migrations.AlterField(
            model_name="organization",
            name="logo",
            field=portal.files.ServedImageField(
                blank=True,
                upload_to=portal.files.ServerFileName("logos", "png"),
                verbose_name="logo",
            ),
        ),
        migrations.AlterField(
            model_name="pledgesignature",
            name="source_document",
            field=portal.files.ServedFileField(
                blank=True,
                upload_to=portal.files.ServerFileName("pledges", "pdf"),
                verbose_name="source document (PDF)",
            ),
        ),
        migrations.AlterField(
            model_name="writtencomment",
            name="document",
            field=portal.files.ServedFileField(
                blank=True,
                upload_to=portal.files.ServerFileName("applications/comments", "pdf"),
                verbose_name="document (PDF)",
            ),
        ),
        migrations.RunPython(rename_stored_files, migrations.RunPython.noop),
    ]
