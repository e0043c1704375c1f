"""Pages: the reading preference, a user's own data export, the expert co-signing
invitations they received, and the author's answer to an AI tool's suggestion.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services, suggestions
from .api.permissions import is_author
from .data_rights import export_sections, export_user_data_json
from .forms import CoSignatureAnswerForm, ReaderPreferenceForm
from .gate import saved_disclosure_errors
from .models import CoSignature, ToolSuggestion


@require_POST
@login_required
def reader_preference(request):
    """Save whether the reader collapses mostly AI-written posts, then go back."""
    form = ReaderPreferenceForm(request.POST)
    if form.is_valid():
        services.set_reader_preference(
            user=request.user, collapse_mostly_ai=form.cleaned_data["collapse_mostly_ai"]
        )
        messages.success(request, _("Your reading preference was saved."))
    return _back(request, request.POST.get("next", "/"))


def _back(request, target: str):
    """Redirect to ``target`` if it is on this site, else to the home page."""
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    return redirect(target)


# Permission for the two views below: a signed-in user, and only the author of the suggestion's
# post (others get 404). Their buttons sit inside the host's post form (``formaction``), so
# ``next`` comes in the query string and every other submitted field is ignored.


def _authors_suggestion(request, pk: int) -> ToolSuggestion:
    suggestion = get_object_or_404(ToolSuggestion.objects.select_related("content"), pk=pk)
    if not is_author(request.user, suggestion.content.obj):
        raise Http404("No such suggestion.")
    return suggestion


@require_POST
@login_required
def suggestion_accept(request, pk: int):
    """Accept a tool's suggestion (``scope=disclosure``: the disclosure part only), then go
    back, saying what changed and what the disclosure still needs.
    """
    suggestion = _authors_suggestion(request, pk)
    try:
        suggestion = suggestions.accept_suggestion(
            suggestion=suggestion, user=request.user,
            wrap=request.POST.get("scope") != "disclosure",
        )
    except suggestions.SuggestionConflict as conflict:
        messages.error(request, conflict.message)
        return _back(request, request.GET.get("next", "/"))
    if suggestion.passage_wrapped:
        messages.success(request, _("Accepted: your disclosure names %(kind)s and %(model)s, "
                                    "and the passage is marked as an AI block.")
                         % {"kind": suggestion.kind, "model": suggestion.model})
    else:
        messages.success(request, _("Accepted: your disclosure names %(kind)s and %(model)s.")
                         % {"kind": suggestion.kind, "model": suggestion.model})
    if missing := saved_disclosure_errors(suggestion.content.obj):
        messages.warning(request, _("Your disclosure still needs: %(missing)s")
                         % {"missing": " ".join(m for ms in missing.values() for m in ms)})
    return _back(request, request.GET.get("next", "/"))


@require_POST
@login_required
def suggestion_dismiss(request, pk: int):
    """Dismiss a tool's suggestion (nothing is applied), then go back."""
    try:
        suggestions.dismiss_suggestion(suggestion=_authors_suggestion(request, pk))
    except suggestions.SuggestionConflict as conflict:
        messages.error(request, conflict.message)
    else:
        messages.success(request, _("Dismissed: nothing was changed."))
    return _back(request, request.GET.get("next", "/"))


# Permission for the two views below: a signed-in user, and only their own data. Neither takes
# a user from the request, so no parameter can reach another account's export.


@require_GET
@login_required
def my_data(request):
    """The page from which a signed-in user downloads everything stored about them."""
    return render(request, "ai_disclosure/my_data.html", {"sections": export_sections()})


@require_GET
@login_required
@never_cache
def my_data_download(request):
    """The signed-in user's own export, as a JSON file (``data_rights.export_user_data``)."""
    response = HttpResponse(
        export_user_data_json(request.user), content_type="application/json; charset=utf-8"
    )
    filename = f"my-data-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# Permission for the co-signing pages: a signed-in user, and only invitations addressed to
# them (another user's invitation is a 404, so nobody learns whom an author named).


@require_GET
@login_required
def cosignatures(request):
    """The invitations to co-sign posts as their expert reviewer that this user received."""
    return render(request, "ai_disclosure/cosignatures.html", {
        "invitations": selectors.cosignature_invitations(request.user),
        "form": CoSignatureAnswerForm(),
    })


@require_POST
@login_required
def answer_cosignature(request, cosignature_id: int):
    """Confirm (with a short note) or decline one invitation, then go back to the list."""
    cosignature = get_object_or_404(CoSignature, pk=cosignature_id, reviewer=request.user)
    form = CoSignatureAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(
            str(message) for errors in form.errors.values() for message in errors))
        return redirect("ai_disclosure:cosignatures")
    confirm = form.cleaned_data["decision"] == "confirm"
    try:
        services.answer_cosignature(cosignature=cosignature, user=request.user, confirm=confirm,
                                    note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you: readers now see that you reviewed the post.")
                         if confirm else _("You declined; the post does not name you."))
    return redirect("ai_disclosure:cosignatures")
