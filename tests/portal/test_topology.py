"""The compose file describes the production topology and the Makefile mirrors it natively."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_names_every_service(compose):
    assert set(compose["services"]) == {"web", "worker", "beat", "postgres", "redis", "mail"}


def test_portal_services_share_the_image_and_environment(compose):
    for name in ("web", "worker", "beat"):
        service = compose["services"][name]
        assert service["build"] == "."
        assert service["environment"]["REDIS_URL"] == "redis://redis:6379/0"
        assert service["environment"]["DATABASE_URL"].startswith("postgres://")
    assert "gunicorn portal.wsgi" in compose["services"]["web"]["command"]
    assert compose["services"]["worker"]["command"].startswith("celery -A portal worker")
    assert compose["services"]["beat"]["command"].startswith("celery -A portal beat")


def test_dockerfile_exists_for_the_build():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11" in dockerfile
    assert "libpango" in dockerfile


def test_make_services_runs_the_same_processes():
    makefile = (ROOT / "Makefile").read_text()
    target = makefile.split("\nservices:", 1)[1].split("\n\n", 1)[0]
    for process in (
        "gunicorn portal.wsgi",
        "celery -A portal worker",
        "celery -A portal beat",
        "aiosmtpd",
    ):
        assert process in target, process


def test_make_run_loads_the_demo_data_and_prints_its_logins():
    makefile = (ROOT / "Makefile").read_text()
    assert "\nrun: demo\n" in makefile
    demo = makefile.split("\ndemo: setup\n", 1)[1].split("\n\n", 1)[0]
    assert "manage.py load_demo_data" in demo and "--quiet-logins" not in demo
