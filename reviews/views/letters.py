"""What the letter builder may start from for a State: a sentence on its review and, where
the State made it public, its focal point."""

from django.http import JsonResponse
from django.views import View

from engagement.letters import LANGUAGES

from .. import selectors
from ..models import State


class LetterContextView(View):
    """``?state=<id>&language=<code>``: JSON with ``review_context``, ``recipient_name`` and
    ``recipient_title`` (empty strings where the portal knows nothing)."""

    def get(self, request):
        state_id = request.GET.get("state", "")
        digits = state_id.isascii() and state_id.isdigit()
        state = State.objects.filter(pk=state_id).first() if digits else None
        language = request.GET.get("language", "en")
        if language not in dict(LANGUAGES):
            language = "en"
        if state is None:
            return JsonResponse({"review_context": "", "recipient_name": "", "recipient_title": ""})
        return JsonResponse(selectors.letter_review_values(state, language))
