"""Files the portal keeps: names the server makes, and one checked way to serve them.

**Names.** Every file field takes ``ServerFileName(folder, extension)`` as its ``upload_to``:
the stored name is ``<folder>/<32 random hex digits>.<extension>``, with the extension of the
type the file was checked to be (a PDF is ``.pdf`` whatever its uploader called it). The
uploader's name is never used, so it cannot choose how a server or browser treats the file,
and no name can be guessed from an organization, a State or a date.

**Serving.** Nothing under ``MEDIA_URL`` is served. File fields are ``ServedFileField`` or
``ServedImageField``, whose ``.url`` is ``/files/<kind>/<pk>/<name>``. That view loads the
object and asks the kind's policy, registered by the app that owns the model
(``file_kind_register``): outside its scope the answer is 404. Every file goes out as an
attachment with the kind's content type, ``X-Content-Type-Options: nosniff``, a sandboxing
Content Security Policy, and ``Cache-Control: private, no-store`` unless the object is public.

**Delivery** (``settings.FILES_DELIVERY``): ``django`` streams the file from the storage
(``FileResponse``); ``x-accel-redirect`` (nginx) and ``x-sendfile`` (Apache mod_xsendfile) let
the web server send the bytes once the view has checked the permission; ``redirect`` sends the
browser to a short-lived signed URL of an object storage. The storage itself is Django's
``STORAGES["default"]``. The README's production section shows the web-server settings.
"""

import inspect
import logging
import posixpath
import secrets
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import quote

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from django.db import models, transaction
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

DELIVERIES = ("django", "x-accel-redirect", "x-sendfile", "redirect")
# Served files never run as a page, even if a browser were to render one.
FILE_CSP = "default-src 'none'; sandbox"
PRIVATE_CACHE = "private, no-store"


# --- names ------------------------------------------------------------------------------------


def server_file_name(folder: str, extension: str) -> str:
    """A new stored name: ``<folder>/<32 random hex digits>.<extension>``."""
    return f"{folder}/{secrets.token_hex(16)}.{extension}"


@deconstructible
class ServerFileName:
    """``upload_to`` of every file field: ignores the uploader's name (see the module text)."""

    def __init__(self, folder: str, extension: str):
        self.folder = folder.strip("/")
        self.extension = extension

    def __call__(self, instance, filename: str) -> str:
        return server_file_name(self.folder, self.extension)

    def __eq__(self, other):
        return isinstance(other, ServerFileName) and (self.folder, self.extension) == (
            other.folder,
            other.extension,
        )

    def __hash__(self):
        return hash((self.folder, self.extension))


# --- kinds of files and who may have them ----------------------------------------------------


def _never(instance) -> bool:
    return False


@dataclass(frozen=True)
class FileKind:
    """One file field and its policy. ``can_view(user, instance)`` decides for signed-in users;
    ``is_public(instance)`` makes the file everyone's (cached publicly). ``download_name``
    gives the name a browser saves it under: made by the server too."""

    key: str
    model: str  # "app_label.ModelName"
    field: str
    content_type: str
    download_name: Callable
    can_view: Callable
    is_public: Callable = _never
    select_related: tuple = ()

    def get(self, pk: int):

        model = apps.get_model(self.model)
        queryset = model._default_manager.select_related(*self.select_related)
        return queryset.filter(pk=pk).first()


_kinds: dict[str, FileKind] = {}
_kinds_by_field: dict[tuple[str, str], FileKind] = {}


def file_kind_register(kind: FileKind) -> None:
    """Called by the app that owns the model (in its ``AppConfig.ready``)."""
    _kinds[kind.key] = kind
    _kinds_by_field[(kind.model, kind.field)] = kind


def file_kinds() -> list[FileKind]:
    return list(_kinds.values())


def file_kind_for(model_label: str, field_name: str) -> FileKind | None:
    return _kinds_by_field.get((model_label, field_name))


def served_url(field_file) -> str:
    """The checked address of a stored file ("" for an empty field or an unsaved object)."""
    instance = field_file.instance
    if not field_file or instance.pk is None:
        return ""
    kind = file_kind_for(instance._meta.label, field_file.field.name)
    if kind is None:
        raise ImproperlyConfigured(
            f"{instance._meta.label}.{field_file.field.name} has no registered file kind."
        )
    return reverse(
        "file",
        kwargs={"kind": kind.key, "pk": instance.pk, "name": posixpath.basename(field_file.name)},
    )


class _ServedURL:
    @property
    def url(self):
        self._require_file()
        return served_url(self)


class ServedFieldFile(_ServedURL, FieldFile):
    pass


class ServedImageFieldFile(_ServedURL, ImageFieldFile):
    pass


class CurrentFile:
    """A stored file as a form shows it: its checked address, and the name a browser would
    save it under rather than the random stored name."""

    def __init__(self, field_file):
        self.url = field_file.url
        instance = field_file.instance
        kind = file_kind_for(instance._meta.label, field_file.field.name)
        self.label = kind.download_name(instance) if kind else posixpath.basename(field_file.name)

    def __str__(self):
        return self.label


class ServedFileInput(forms.ClearableFileInput):
    """The clearable file input, linking the current file by its download name."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"] and isinstance(value, _ServedURL):
            context["widget"]["value"] = CurrentFile(value)
        return context


class ServedFileField(models.FileField):
    """A FileField whose ``.url`` is the checked view's (templates, widgets and the admin)."""

    attr_class = ServedFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"widget": ServedFileInput, **kwargs})


class ServedImageField(models.ImageField):
    attr_class = ServedImageFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"widget": ServedFileInput, **kwargs})


# --- writing and removing ---------------------------------------------------------------------


# The files put in fields inside ``atomic_with_files``: (field file, the name it had before).
_STORED_IN_BLOCK: ContextVar[list | None] = ContextVar("stored_in_block", default=None)


def file_replace(instance, field_name: str, value) -> None:
    """Put ``value`` (a new file, or "" to clear) in the field; the file it held is deleted
    from storage once the surrounding transaction commits (a rollback keeps it). Call it
    inside the transaction that saves ``instance``; inside ``atomic_with_files``, the new file
    is deleted again if that transaction does not commit."""
    old = getattr(instance, field_name)
    old_name, storage = old.name, old.storage
    setattr(instance, field_name, value)
    new = getattr(instance, field_name)
    if old_name and old_name != new.name:
        transaction.on_commit(lambda: file_delete(storage, old_name))
    stored = _STORED_IN_BLOCK.get()
    if stored is not None and value:
        stored.append((new, old_name))


@contextmanager
def atomic_with_files():
    """``transaction.atomic`` for a write that stores files (through ``file_replace``): a
    file is stored when its row is saved, before the commit, so if the block raises or its
    commit fails (the database connection lost midway), the files stored inside it are
    deleted again and none is left in storage without a row naming it. Usable as a
    decorator. Use it as the outermost transaction: an enclosing one rolled back later is not
    seen."""
    stored: list = []
    token = _STORED_IN_BLOCK.set(stored)
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for field_file, old_name in stored:
            # _committed: the storage holds the file (FieldFile's own flag, set by its save).
            if field_file._committed and field_file.name and field_file.name != old_name:
                file_delete(field_file.storage, field_file.name)
        raise
    finally:
        _STORED_IN_BLOCK.reset(token)


def file_delete(storage, name: str) -> None:
    """Remove a stored file; one already gone is not an error."""
    try:
        storage.delete(name)
    except OSError:
        logger.warning("Could not delete stored file %s", name, exc_info=True)


# --- responses --------------------------------------------------------------------------------


def _local_path(storage, name: str) -> str | None:
    """The file's path on this machine, for a storage the web server can read too."""
    return storage.path(name) if isinstance(storage, FileSystemStorage) else None


def _signed_url(storage, name: str, *, filename: str, content_type: str) -> str:
    """The storage's URL for ``name``; where the backend takes them (django-storages' S3,
    Google Cloud and Azure backends do), with the download name, type and a short expiry."""
    accepted = inspect.signature(storage.url).parameters
    options = {}
    if "parameters" in accepted:
        options["parameters"] = {
            "ResponseContentDisposition": content_disposition_header(True, filename),
            "ResponseContentType": content_type,
        }
    if "expire" in accepted:
        options["expire"] = settings.FILES_REDIRECT_SECONDS
    return storage.url(name, **options)


def file_response(field_file, *, filename: str, content_type: str, public: bool = False):
    """The response that delivers a stored file whose permission has been checked."""
    storage, name = field_file.storage, field_file.name
    delivery = settings.FILES_DELIVERY
    path = _local_path(storage, name)
    if delivery == "redirect" and path is None:
        response = HttpResponseRedirect(
            _signed_url(storage, name, filename=filename, content_type=content_type)
        )
        response["Cache-Control"] = PRIVATE_CACHE
        return response
    if delivery == "x-accel-redirect" and path is not None:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = quote(settings.FILES_ACCEL_PREFIX.rstrip("/") + "/" + name)
    elif delivery == "x-sendfile" and path is not None:
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = path
    else:
        try:
            handle = storage.open(name, "rb")
        except OSError:
            logger.warning("Stored file %s is missing", name)
            raise Http404 from None
        response = FileResponse(handle, content_type=content_type)
    response["Content-Type"] = content_type
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cache-Control"] = (
        f"public, max-age={settings.FILES_PUBLIC_MAX_AGE}" if public else PRIVATE_CACHE
    )
    return response


@login_not_required
@require_safe
def serve(request, kind: str, pk: int, name: str):
    """``/files/<kind>/<pk>/<name>``: the file of one object, if the kind's policy allows.

    Public objects' files are anyone's; otherwise an anonymous visitor is asked to sign in and
    a signed-in user outside the policy gets 404, like a stale or made-up address."""
    file_kind = _kinds.get(kind)
    instance = file_kind.get(pk) if file_kind else None
    field_file = getattr(instance, file_kind.field) if instance is not None else None
    if not field_file or posixpath.basename(field_file.name) != name:
        raise Http404
    public = bool(file_kind.is_public(instance))
    if not public:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not file_kind.can_view(request.user, instance):
            raise Http404
    return file_response(
        field_file,
        filename=file_kind.download_name(instance),
        content_type=file_kind.content_type,
        public=public,
    )
