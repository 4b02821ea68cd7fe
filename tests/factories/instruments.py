"""Factories of the catalogue. The catalogue is reference data, loaded for every test: the
instrument and cluster factories return the loaded rows (by code and number)."""

from datetime import date

import factory

from instruments.models import Article, Cluster, Instrument


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instrument
        django_get_or_create = ["code"]

    code = Instrument.Code.UNTOC
    slug = factory.LazyAttribute(lambda o: o.code.lower())
    name = factory.LazyAttribute(lambda o: f"Instrument {o.code}")
    short_name = factory.LazyAttribute(lambda o: o.code)
    adoption_resolution = "55/25"
    adoption_date = date(2000, 11, 15)
    entry_into_force = date(2003, 9, 29)
    parties_count = 190
    parties_count_as_of = date(2020, 2, 1)
    parties_count_source = "Test source"
    facts_source = "Test source"


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster
        django_get_or_create = ["number"]

    number = 1
    slug = factory.LazyAttribute(lambda o: f"cluster-{o.number}")
    name = factory.LazyAttribute(lambda o: f"Cluster {o.number}")
    short_name = factory.LazyAttribute(lambda o: f"Cluster {o.number}")
    source = "Test source"


class ArticleFactory(factory.django.DjangoModelFactory):
    """An article beyond the Convention's numbering (so it never meets a loaded one)."""

    class Meta:
        model = Article
        skip_postgeneration_save = True  # the hook sets a many-to-many relation: nothing to save

    instrument = factory.SubFactory(InstrumentFactory)
    number = factory.Sequence(lambda n: str(900 + n))
    position = factory.Sequence(lambda n: 900 + n)
    title = factory.Sequence(lambda n: f"Test article {n}")
    source = "Test source"

    @factory.post_generation
    def clusters(self, create, extracted, **kwargs):
        if create and extracted:
            self.clusters.set(extracted)
