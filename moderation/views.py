"""Moderator pages: the queue, an item, actions, the dashboard. Thin: each view validates
its input and calls one service or selector. Every view requires ``moderation.moderate``.
"""

from __future__ import annotations

import time
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import charts, selectors, services
from .app_settings import app_settings
from .models import Decision, ReviewItem, ReviewStatus
from .permissions import is_moderator
from .triage_forms import AuditFilterForm, BulkForm, ResolveForm

UNDO_SESSION_KEY = "moderation_undo"
#: The queue's header counts stop here ("1000+"): exact counts of huge queues cost a scan.
COUNT_CAP = 999


def moderator_required(view):
    """Anonymous users are sent to log in; logged-in users without the permission get 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_moderator(request.user):
            raise PermissionDenied(_("Only moderators can see this page."))
        return view(request, *args, **kwargs)

    return wrapper


def _filters(data) -> selectors.QueueFilters:
    return selectors.QueueFilters.from_data(data)


def _with_filters(url: str, filters: selectors.QueueFilters, **extra) -> str:
    params = {**filters.as_params(), **{k: v for k, v in extra.items() if v}}
    return f"{url}?{urlencode(params)}" if params else url


def _undo(request: HttpRequest) -> dict | None:
    """The decision this moderator may still undo, for the toast on every page."""
    undo = request.session.get(UNDO_SESSION_KEY)
    if not undo:
        return None
    remaining = undo["until"] - time.time()
    if remaining <= 0:
        del request.session[UNDO_SESSION_KEY]
        return None
    return {**undo, "remaining": int(remaining + 0.999)}


def _get_item(pk: int) -> ReviewItem:
    item = ReviewItem.objects.filter(pk=pk).first()
    if item is None:
        raise Http404(_("No such review item."))
    return item


@require_GET
@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    """The review queue page with its filter bar."""
    filters = _filters(request.GET)
    page = selectors.queue(filters=filters, after=request.GET.get("after"),
                           limit=app_settings.QUEUE_PAGE_SIZE)
    return render(request, "moderation/queue.html", {
        "page": page,
        "filters": filters,
        "filter_params": urlencode(filters.as_params()),
        "choices": selectors.queue_filter_choices(),
        "counts": selectors.status_counts(cap=COUNT_CAP),
        "count_cap": COUNT_CAP,
        "templates": selectors.reason_templates(),
        "decisions": Decision.choices,
        "undo": _undo(request),
        "claim_minutes": app_settings.CLAIM_MINUTES,
        "new_author_posts": app_settings.NEW_AUTHOR_APPROVED_POSTS,
    })


def _forbidden(request: HttpRequest, error: Exception) -> HttpResponse:
    """A 403 page that says why (e.g. a moderator's own post), inside the moderation pages."""
    return render(request, "moderation/forbidden.html", {"reason": str(error)}, status=403)


@require_GET
@moderator_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One item. Opening it never claims it: the page offers Claim (hold it while reading),
    and an open item nobody holds can be decided directly.
    """
    filters = _filters(request.GET)
    try:
        detail = selectors.item_detail(pk)
    except ReviewItem.DoesNotExist as error:
        raise Http404(_("No such review item.")) from error
    item = detail.item
    previous_id, next_id = selectors.neighbours(item, filters)
    conflict = None
    if item.is_claimed_by_other(request.user):
        conflict = _("%(name)s is reviewing this item.") % {"name": item.claimed_by}
    elif item.excluded_moderator_id == request.user.pk:
        conflict = _("This decision was appealed; another moderator has to review it.")
    own_post = item.author_id == request.user.pk and not app_settings.ALLOW_SELF_REVIEW
    mine = item.status == ReviewStatus.CLAIMED and item.claimed_by_id == request.user.pk
    waiting = item.status in (ReviewStatus.OPEN, ReviewStatus.CLAIMED, ReviewStatus.INFO_REQUESTED)
    can_decide = waiting and not conflict and not own_post
    return render(request, "moderation/item.html", {
        "d": detail,
        "item": item,
        "filters": filters,
        "filter_params": urlencode(filters.as_params()),
        "conflict": conflict,
        "own_post": own_post,
        "mine": mine,
        "can_decide": can_decide,
        "can_claim": can_decide and not mine and item.status != ReviewStatus.INFO_REQUESTED,
        "previous_id": previous_id,
        "next_id": next_id,
        "form": ResolveForm(),
        "decisions": Decision.choices,
        "undo": _undo(request),
        "claim_minutes": app_settings.CLAIM_MINUTES,
    })


@require_POST
@moderator_required
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    """Claim the item (releasing the moderator's previous claim) and show it."""
    item = _get_item(pk)
    filters = _filters(request.POST)
    try:
        services.claim_item(item=item, moderator=request.user)
    except services.SelfReviewRefused as error:
        return _forbidden(request, error)
    except services.ModerationError as error:
        messages.error(request, str(error))
    return redirect(_with_filters(reverse("moderation:item", args=[pk]), filters))


@require_POST
@moderator_required
def release(request: HttpRequest, pk: int) -> HttpResponse:
    """Give a claimed item back to the queue."""
    try:
        services.release_item(item=_get_item(pk), moderator=request.user)
        messages.info(request, _("Released: the item is back in the queue."))
    except services.ModerationError as error:
        messages.error(request, str(error))
    return redirect(_with_filters(reverse("moderation:queue"), _filters(request.POST)))


@require_POST
@moderator_required
def next_item(request: HttpRequest) -> HttpResponse:
    """Claim the most urgent unclaimed item (matching the current filters) and open it; the
    moderator's previous claim is released (``AI_MODERATION_MAX_CLAIMS``).

    ``skip`` releases the item the moderator is leaving undecided.
    """
    filters = _filters(request.POST)
    if skip := request.POST.get("skip"):
        item = ReviewItem.objects.filter(pk=skip).first() if skip.isdigit() else None
        if item is not None and item.claimed_by_id == request.user.pk:
            services.release_item(item=item, moderator=request.user)
    return _open_next(request, filters)


def _open_next(request: HttpRequest, filters) -> HttpResponse:
    item = services.claim_next(moderator=request.user, filters=filters)
    if item is None:
        messages.info(request, _("Nothing left to claim in this view of the queue."))
        return redirect(_with_filters(reverse("moderation:queue"), filters))
    return redirect(_with_filters(reverse("moderation:item", args=[item.pk]), filters))


def _show_next(request: HttpRequest, filters) -> HttpResponse:
    """After a decision: open the most urgent item the moderator could take, unclaimed."""
    item = selectors.reviewable_by(request.user, filters).queue_order().first()
    if item is None:
        messages.info(request, _("Nothing left to review in this view of the queue."))
        return redirect(_with_filters(reverse("moderation:queue"), filters))
    return redirect(_with_filters(reverse("moderation:item", args=[item.pk]), filters))


@require_POST
@moderator_required
def resolve(request: HttpRequest, pk: int) -> HttpResponse:
    """Decide an item, offer the undo toast, then show the next item (or the queue)."""
    item = _get_item(pk)
    filters = _filters(request.POST)
    form = ResolveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect(_with_filters(reverse("moderation:item", args=[pk]), filters))
    data = form.cleaned_data
    try:
        item = services.resolve_item(
            item=item, moderator=request.user, decision=data["decision"], note=data["note"],
            template=data["template"], message=data["message"],
        )
    except services.SelfReviewRefused as error:
        return _forbidden(request, error)
    except (services.ModerationError, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect(_with_filters(reverse("moderation:item", args=[pk]), filters))
    label = Decision(data["decision"]).label
    request.session[UNDO_SESSION_KEY] = {
        "item": item.pk, "title": item.post_title, "decision": str(label),
        "until": time.time() + app_settings.UNDO_SECONDS,
    }
    if request.POST.get("then") == "queue":
        return redirect(_with_filters(reverse("moderation:queue"), filters))
    return _show_next(request, filters)


@require_POST
@moderator_required
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo this moderator's latest decision while it may still be undone."""
    item = _get_item(pk)
    request.session.pop(UNDO_SESSION_KEY, None)
    try:
        services.undo_resolution(item=item, moderator=request.user)
    except services.ModerationError as error:
        messages.error(request, str(error))
        return redirect("moderation:queue")
    messages.success(request, _("Undone: the item is yours again."))
    return redirect("moderation:item", pk=pk)


@require_POST
@moderator_required
def bulk(request: HttpRequest) -> HttpResponse:
    """Apply one decision to the selected items; those that cannot take it are skipped."""
    filters = _filters(request.POST)
    form = BulkForm(request.POST)
    target = _with_filters(reverse("moderation:queue"), filters)
    if not form.is_valid():
        messages.error(request, _("Select some items and a decision."))
        return redirect(target)
    data = form.cleaned_data
    items = list(ReviewItem.objects.filter(pk__in=data["items"]))
    done, skipped = services.bulk_resolve(
        items=items, moderator=request.user, decision=data["decision"], note=data["note"],
        template=data["template"], message=data["message"],
    )
    label = Decision(data["decision"]).label
    if done:
        messages.success(request, _("%(decision)s: %(count)d items.")
                         % {"decision": label, "count": len(done)})
    for reason in skipped[:5]:
        messages.warning(request, _("Skipped %(reason)s") % {"reason": reason})
    return redirect(target)


@require_GET
@moderator_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The dashboard over the chosen period (7 to 365 days, default 30)."""
    try:
        days = min(max(int(request.GET.get("days", 30)), 7), 365)
    except ValueError:
        days = 30
    data = selectors.dashboard(days=days)
    labels = {"approved": _("Approved"), "upheld": _("Delisted or rejected")}
    policies = []
    for stats in data.policies:
        hit_rate = stats.flagged / data.screened if data.screened else None
        policies.append({"stats": stats, "hit_rate": hit_rate,
                         "precision_meter": charts.meter(stats.precision),
                         "hit_meter": charts.meter(hit_rate, judged=False)})
    return render(request, "moderation/dashboard.html", {
        "data": data,
        "policies": policies,
        "flags_chart": charts.stacked_bars(data.dates, data.flags_per_day,
                                           title=_("Flags per day by reason")),
        "score_chart": charts.histogram(data.histogram, labels,
                                        title=_("Top score of decided items")),
        "undo": _undo(request),
        "day_choices": [7, 30, 90],
    })


@require_GET
@moderator_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """Everything moderators and authors did, newest first, filtered, a page at a time."""
    form = AuditFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()  # invalid fields are shown with their error and left out
    filters = form.filters()
    page = selectors.audit_log(filters=filters, after=request.GET.get("after"),
                               limit=app_settings.QUEUE_PAGE_SIZE)
    return render(request, "moderation/audit_log.html", {
        "form": form,
        "page": page,
        "filter_params": urlencode(filters.as_params()),
        "undo": _undo(request),
    })
