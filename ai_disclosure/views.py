from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import ReaderPreferenceForm


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
