"""A factory for every model of the portal's apps, each making a valid row on its own."""

import factory
import pytest
from django.apps import apps

from tests.factories import engagement, instruments, portal, reviews

APPS = {"portal": portal, "instruments": instruments, "reviews": reviews, "engagement": engagement}


def _factories(module):
    return {
        value._meta.model: value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, factory.django.DjangoModelFactory)
        and value._meta.model is not None
    }


MODELS = [(label, model) for label in APPS for model in apps.get_app_config(label).get_models()]


@pytest.mark.parametrize(("label", "model"), MODELS, ids=[m._meta.label for _, m in MODELS])
def test_every_model_has_a_factory_in_its_apps_module(label, model):
    assert model in _factories(APPS[label])


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "model"), MODELS, ids=[m._meta.label for _, m in MODELS])
def test_each_factory_makes_a_valid_row(label, model):
    made = _factories(APPS[label])[model]()
    made.full_clean(validate_unique=False)
    assert model.objects.filter(pk=made.pk).exists()
