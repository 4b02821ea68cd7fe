import secrets

from django.db import migrations, models

import portal.models


def fill_tokens(apps, schema_editor):
    User = apps.get_model("portal", "User")
    for user in User.objects.filter(calendar_token__isnull=True):
        user.calendar_token = secrets.token_urlsafe(32)
        user.save(update_fields=["calendar_token"])


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_sweeprecord_outboundemail")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="calendar_token",
            field=models.CharField(max_length=43, null=True),
        ),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="calendar_token",
            field=models.CharField(
                default=portal.models.new_calendar_token,
                help_text="The secret part of the address of the user's personal calendar feed.",
                max_length=43,
                unique=True,
                verbose_name="calendar address token",
            ),
        ),
    ]
