"""How a checked file leaves: streamed by Django, by the web server (X-Accel-Redirect,
X-Sendfile), from object storage, or by a redirect to a signed URL; and that every file field
goes through this one mechanism."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.db import models

from engagement.models import Application
from portal.files import ServedFileField, ServedImageField, ServerFileName, file_kind_for
from tests.factories import ApplicationFactory

from .samples import pdf_bytes

pytestmark = pytest.mark.django_db
OBJECT_STORAGE = "django.core.files.storage.InMemoryStorage"


class SignedURLStorage(InMemoryStorage):
    """Stands for an object storage whose URLs are signed (django-storages' S3Storage takes
    the same ``parameters`` and ``expire``)."""

    def url(self, name, parameters=None, expire=None):
        disposition = (parameters or {}).get("ResponseContentDisposition", "")
        return f"https://bucket.example/{name}?expire={expire}&disposition={disposition}"


def _use_storage(settings, backend):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": backend}}


@pytest.fixture
def nomination(organization_a, people):
    def make():
        application = ApplicationFactory(organization=organization_a)
        application.nomination_letter.save("n.pdf", ContentFile(pdf_bytes()))
        return application.nomination_letter

    return make


def test_x_accel_redirect_hands_the_bytes_to_nginx(client, people, settings, nomination):
    settings.FILES_DELIVERY = "x-accel-redirect"
    file = nomination()
    client.force_login(people["member_a"])
    response = client.get(file.url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/protected-files/{file.name}"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(people["member_b"])
    response = client.get(file.url)
    assert response.status_code == 404 and "X-Accel-Redirect" not in response


def test_x_sendfile_hands_the_path_to_apache(client, people, settings, nomination, media_root):
    settings.FILES_DELIVERY = "x-sendfile"
    file = nomination()
    client.force_login(people["secretariat"])
    response = client.get(file.url)
    assert response["X-Sendfile"] == str(Path(media_root) / file.name)
    assert response.content == b""


@pytest.mark.parametrize("delivery", ["django", "x-accel-redirect", "x-sendfile"])
def test_object_storage_is_streamed_when_the_web_server_cannot_reach_it(
    client, people, settings, nomination, delivery
):
    _use_storage(settings, OBJECT_STORAGE)
    settings.FILES_DELIVERY = delivery
    file = nomination()
    client.force_login(people["member_a"])
    response = client.get(file.url)
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert "X-Accel-Redirect" not in response and "X-Sendfile" not in response
    assert response["Cache-Control"] == "private, no-store"


def test_redirect_to_a_signed_url_after_the_check(client, people, settings, nomination):
    _use_storage(settings, f"{__name__}.SignedURLStorage")
    settings.FILES_DELIVERY = "redirect"
    file = nomination()
    client.force_login(people["member_a"])
    response = client.get(file.url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"https://bucket.example/{file.name}?expire=60&")
    assert "disposition=attachment" in response["Location"]
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(people["member_b"])
    assert client.get(file.url).status_code == 404


def test_redirect_never_points_at_media_for_files_on_disk(client, people, settings, nomination):
    settings.FILES_DELIVERY = "redirect"
    file = nomination()
    client.force_login(people["member_a"])
    response = client.get(file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()


def test_a_missing_file_is_404_not_500(client, people, nomination, media_root):
    file = nomination()
    (Path(media_root) / file.name).unlink()
    client.force_login(people["member_a"])
    assert client.get(file.url).status_code == 404


def test_addresses_that_name_no_file_are_404(client, people, nomination):
    file = nomination()
    client.force_login(people["secretariat"])
    pk = file.instance.pk
    for url in (
        f"/files/nomination-letter/{pk}/{'0' * 32}.pdf",
        f"/files/nomination-letter/{pk + 1}/{file.name.split('/')[-1]}",
        f"/files/no-such-kind/{pk}/{file.name.split('/')[-1]}",
        f"/files/nomination-letter/{2**70}/{file.name.split('/')[-1]}",
    ):
        assert client.get(url).status_code == 404
    assert client.post(file.url).status_code == 405
    assert client.head(file.url).status_code == 200


def test_every_file_field_is_named_by_the_server_and_served_through_a_policy():
    fields = [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    assert len(fields) == 8
    for model, field in fields:
        label = f"{model._meta.label}.{field.name}"
        assert isinstance(field, ServedFileField | ServedImageField), label
        assert isinstance(field.upload_to, ServerFileName), label
        assert file_kind_for(model._meta.label, field.name) is not None, label


def test_no_template_builds_a_media_address():
    root = Path(django_settings.BASE_DIR) / "templates"
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        if "/media/" in path.read_text() or "MEDIA_URL" in path.read_text()
    ]
    assert offenders == []


def _settings_in_a_new_process(module: str, code: str, **environment):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": module, **environment}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        capture_output=True,
        text=True,
        env=env,
        cwd=django_settings.BASE_DIR,
        check=False,
    )


def test_the_storage_and_the_delivery_come_from_the_environment():
    run = _settings_in_a_new_process(
        "portal.settings.local",
        "from django.conf import settings; "
        "print(settings.STORAGES['default'], settings.FILES_DELIVERY)",
        FILES_STORAGE="storages.backends.s3.S3Storage",
        FILES_STORAGE_OPTIONS='{"bucket_name": "portal-files", "querystring_auth": true}',
        FILES_DELIVERY="redirect",
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == (
        "{'BACKEND': 'storages.backends.s3.S3Storage', "
        "'OPTIONS': {'bucket_name': 'portal-files', 'querystring_auth': True}} redirect"
    )
    wrong = _settings_in_a_new_process("portal.settings.local", "", FILES_DELIVERY="nginx")
    assert wrong.returncode != 0
    assert "FILES_DELIVERY must be django, x-accel-redirect, x-sendfile or redirect" in (
        wrong.stderr
    )


def test_an_unsaved_object_has_no_file_address():

    assert Application(nomination_letter="applications/letters/x.pdf").nomination_letter.url == ""
