"""Readers see the source documents' titles where the reference data name them by key."""

import pytest
from django.urls import reverse

from portal.templatetags.sources import cite


def test_document_keys_become_titles_and_line_references_read_as_lines():
    assert cite("seed001 line 428") == "UNODC, UNTOC at 20 (2020), line 428"
    assert cite("Seed 002 Figure 2 and L418-420; seed 000 L2556") == (
        "UNODC and GI-TOC, Guide for civil society engagement with the Review Mechanism, "
        "Figure 2 and lines 418-420; UNODC, Toolkit on Stakeholder Engagement (2020), line 2556"
    )
    assert (
        cite("UN Treaty Collection, chapter XVIII-12") == "UN Treaty Collection, chapter XVIII-12"
    )
    assert cite(None) == ""


@pytest.mark.django_db
def test_the_cycle_page_names_documents_not_keys(client):
    html = client.get(reverse("reviews:overview")).content.decode()
    assert "Guide for civil society engagement with the Review Mechanism, Figure 2" in html
    assert "seed 00" not in html.lower() and "seed00" not in html.lower()
