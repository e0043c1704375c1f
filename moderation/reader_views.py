"""Pages for readers (not moderators): report a post as undisclosed AI, see one's reports.

Permission: a signed-in user who can read the post; a reader sees only their own reports,
and nobody but moderators sees who reported a post.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ai_disclosure import content_types

from . import selectors, services
from .forms import ReportForm

#: The HTTP status of each refusal, as the API answers it.
_REFUSED_STATUS = {services.OwnPost: 403, services.AlreadyReported: 409,
                   services.ReportRateLimited: 429}


def _readable_post(request: HttpRequest, post_id: int) -> Model:
    post = content_types.default().model._default_manager.filter(pk=post_id).first()
    if post is None or not content_types.adapter_for(post).is_visible_to(post, request.user):
        raise Http404(_("No such post."))
    return post


def _next_url(request: HttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return None


@login_required
@require_http_methods(["GET", "POST"])
def report_post(request: HttpRequest, post_id: int) -> HttpResponse:
    """Report a post; a refused report is shown again with why, and the reason kept."""
    post = _readable_post(request, post_id)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.file_report(post=post, reader=request.user,
                                     reason=form.cleaned_data["reason"])
            except ValidationError as error:
                form.add_error(None, error.messages)
            except services.ReportRefused as error:
                form.add_error(None, str(error))
                status = _REFUSED_STATUS[type(error)]
            else:
                messages.success(request, _("Thank you. Moderators will look at your report."))
                return redirect(_next_url(request) or "moderation:my-reports")
    return render(request, "moderation/report_form.html", {
        "post": post, "title": content_types.adapter_for(post).get_title(post), "form": form,
        "next": _next_url(request) or "",
    }, status=status)


@login_required
@require_GET
def my_reports(request: HttpRequest) -> HttpResponse:
    """The signed-in reader's reports, newest first, with what moderators made of them."""
    reports = []
    for report in selectors.reports_by(request.user)[:200]:
        obj = report.content.obj
        if obj is not None:
            adapter = content_types.adapter_for(obj)
            reports.append((report, adapter.get_title(obj), adapter.get_url(obj)))
    return render(request, "moderation/my_reports.html", {"reports": reports})
