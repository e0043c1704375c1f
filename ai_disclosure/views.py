"""Reader-facing pages: the reading preference, a user's own data export, and the expert
co-signing invitations they received.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services
from .data_rights import export_sections, export_user_data_json
from .forms import CoSignatureAnswerForm, ReaderPreferenceForm
from .models import CoSignature


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
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    return redirect(target)


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
