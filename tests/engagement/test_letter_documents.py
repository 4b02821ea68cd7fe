"""The two letters as PDFs, in each language: filled-in values and the sourced texts."""

import io
import re

import pytest
from pypdf import PdfReader

from engagement import letters

PARAGRAPH_23 = (
    "The State party under review is encouraged to prepare its responses to the "
    "self-assessment questionnaire through broad consultations at the national level with all "
    "relevant stakeholders, including, where appropriate, the private sector, individuals and "
    "groups outside the public sector, non-governmental organizations and academia, taking "
    "into consideration the specificities of the Convention and the Protocols thereto"
)
COMMITMENTS = [
    "We will consult with relevant stakeholders in the preparation of our responses to the "
    "self-assessment questionnaire, including the private sector, non-governmental "
    "organizations, and academia.",
    "With regard to the country review, we will engage in an open manner with all relevant "
    "civil society groups in the constructive dialogues, and we will encourage and support a "
    "wide and diverse range of civil society groups and organizations to attend the "
    "constructive dialogues.",
    "With regard to the general review, we will engage in an open manner with all relevant "
    "civil society groups in the plenary of the COP when discussing the review process, and we "
    "will encourage and support a wide and diverse range of civil society groups and "
    "organizations to attend the constructive dialogues.",
    "We will endeavor to engage in UNODC-led initiatives that aim to foster dialogue between "
    "the government and other stakeholders as envisaged in Resolution 9/1, including through "
    "pilot initiatives and stakeholder engagement for UNTOC activities.",
]
DATES = {"en": "14 March 2027", "fr": "14 mars 2027", "es": "14 de marzo de 2027"}


def _letter(kind, language, **overrides):
    government = letters.default_government(language, "KEN")
    letter = {
        "kind": kind,
        "language": language,
        "state": "KEN",
        "date": "2027-03-14",
        "government": government,
        "recipient_name": "Ms. Focal Point",
        "recipient_title": "Ministry of Justice",
        "recipient_address": "1 Main Street\nCapital City",
        "issues": "trafficking of children for forced labour",
        "intro": letters.default_intro(language, "KEN", government),
        "review_context": "",
        "signatory_name": "Amina Example",
        "signatory_function": "Director",
        "contact_details": "amina@example.org",
        "organization_name": "Demo Coalition against Trafficking",
        "organization_address": "PO Box 12, Capital City",
        "organization_email": "info@example.org",
        "organization_phone": "+43 1 234",
        "organization_website": "https://example.org",
        "organization_logo": "",
    }
    letter.update(overrides)
    return letter


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = text.replace("-\n", "-")  # a line that ends at a hyphen: the break is layout
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2018", "'"))


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("kind", [letters.PLEDGE, letters.FOCAL_POINT])
def test_each_letter_holds_its_values_in_each_language(kind, language):
    data = letters.letter_pdf(_letter(kind, language))
    text = _text(data)
    assert "Kenya" in text
    assert "Demo Coalition against Trafficking" in text
    assert DATES[language] in text
    assert "Amina Example" in text
    if kind == letters.FOCAL_POINT:
        assert "trafficking of children for forced labour" in text
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == letters.letter_title(_letter(kind, language))
    assert reader.metadata.author == "Demo Coalition against Trafficking"
    if language != "en":
        assert ("non officielle" in text) or ("no oficial" in text)


def test_the_pledge_holds_the_four_commitments_word_for_word():
    text = _text(letters.letter_pdf(_letter(letters.PLEDGE, "en")))
    for commitment in COMMITMENTS:
        assert commitment in text
    assert "therefore the Government of Kenya is committed to involving civil society" in text
    assert (
        "we commit to making public the responses to our self-assessment questionnaire, "
        "ensuing dialogue, and additional documentation." in text
    )


def test_the_focal_point_letter_quotes_paragraph_23_word_for_word():
    text = _text(letters.letter_pdf(_letter(letters.FOCAL_POINT, "en")))
    assert f"'{PARAGRAPH_23}' (para. 23)" in text
    assert "Identification and contact details of the focal point" in text


def test_user_text_is_escaped_in_the_letter():
    letter = _letter(letters.FOCAL_POINT, "en", issues="<b>bold</b> & <script>x</script>")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in letters.letter_html(letter)
    assert "<b>bold</b> & <script>x</script>" in _text(letters.letter_pdf(letter))


def test_archival_variant_of_a_letter():
    data = letters.letter_pdf(_letter(letters.PLEDGE, "fr"), archival=True)
    root = PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert "/OutputIntents" in root


def _pages(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("extra_lines", [0, 3, 8, 14])
def test_the_pledges_signature_blocks_stay_with_the_text_above_them(extra_lines):
    """However the text falls, the page with the organization's signature also holds the
    pledge's last paragraph and the government's signature line: no block alone on a page."""
    intro = letters.default_intro("en", "KEN", "the Government of Kenya")
    intro += "\n" * extra_lines + " ".join(["Our members work in every province."] * extra_lines)
    pages = _pages(letters.letter_pdf(_letter(letters.PLEDGE, "en", intro=intro)))
    [signed] = [page for page in pages if "Amina Example Director" in page]
    assert "Signed for the Government of Kenya" in signed
    assert "we commit to making public the responses" in signed.replace("’", "'")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_focal_point_letters_signature_is_never_alone_on_a_page(language):
    pages = _pages(letters.letter_pdf(_letter(letters.FOCAL_POINT, language)))
    [signed] = [page for page in pages if "Amina Example Director" in page]
    before_signature = signed.split("Amina Example Director")[0]
    assert len(before_signature.split()) > 5  # the closing lines of the letter came along
