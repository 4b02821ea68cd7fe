# Role grants moved down to the portal app (portal/migrations/0004_role_grants_move.py): only
# the migration state changes here; the table engagement_rolegrant stays as it is.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("engagement", "0008_server_file_names")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="RoleGrant")],
            database_operations=[],
        ),
    ]
