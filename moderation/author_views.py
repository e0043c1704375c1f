"""Pages for authors (not moderators): which moderation emails they receive.

Permission: a signed-in user, and only their own preferences. No view takes a user from the
request's parameters, so none can reach another account.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .app_settings import app_settings
from .forms import EmailPreferencesForm


@login_required
@require_http_methods(["GET", "POST"])
def email_preferences(request: HttpRequest) -> HttpResponse:
    """Show and save which moderation emails the signed-in author wants."""
    form = EmailPreferencesForm(request.POST or None,
                                instance=selectors.email_preferences(request.user))
    if request.method == "POST" and form.is_valid():
        services.save_email_preferences(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your email choices are saved."))
        return redirect("moderation:email-preferences")
    return render(request, "moderation/email_preferences.html",
                  {"form": form, "emails_enabled": app_settings.EMAIL_AUTHORS})
