"""The demo forum's pages: read, write and edit posts, and answer the moderators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ai_disclosure import ratelimits, selectors, services
from ai_disclosure.forms import ReaderPreferenceForm
from ai_disclosure.headers import set_disclosure_header
from moderation import selectors as moderation_selectors
from moderation import services as moderation_services
from moderation.models import ReviewItem
from moderation.permissions import is_moderator
from moderation.triage_forms import AuthorMessageForm

from . import services as forum_services
from .forms import CommentForm, PostForm
from .models import Comment, Post, Visibility


def post_list(request):
    """The latest listed posts, with the reader's preference for collapsing mostly-AI posts."""
    posts = selectors.attach_contents(list(Post.objects.published().listed().for_listing()[:50]))
    collapse = selectors.collapses_mostly_ai(request.user)
    return render(
        request,
        "forum/post_list.html",
        {
            "posts": posts,
            "collapse_mostly_ai": collapse,
            "preference_form": ReaderPreferenceForm(initial={"collapse_mostly_ai": collapse}),
        },
    )


def post_detail(request, pk: int):
    """A post with its disclosure and its comments (each with its reader summary and
    rendered body); a held or rejected post or comment only to its author and moderators.
    """
    post = get_object_or_404(Post.objects.published().select_related("author"), pk=pk)
    if not _may_see(request.user, post):
        raise Http404("No such post.")
    return _post_page(request, post, CommentForm(prefix="comment"))


def _may_see(user, obj) -> bool:
    return obj.visibility not in (Visibility.HELD, Visibility.REJECTED) or (
        user.pk == obj.author_id or is_moderator(user)
    )


def _post_page(request, post: Post, comment_form: CommentForm, *, status: int = 200):
    comments = [comment for comment in post.comments.published().select_related("author")
                if _may_see(request.user, comment)]
    selectors.attach_contents(comments)
    response = render(
        request,
        "forum/post_detail.html",
        {
            "post": post,
            "rendered": services.rendered_content(post),
            "disclosure": selectors.disclosure_for(post),
            "comments": [(comment, services.rendered_content(comment)) for comment in comments],
            "comment_form": comment_form,
            "disclosure_form": comment_form.disclosure_form,
        },
        status=status,
    )
    return set_disclosure_header(response, post)


@login_required
@require_POST
def comment_create(request, pk: int):
    """Publish a comment under a post, through the publish gate's compact disclosure form;
    a refused comment comes back with the messages and the text kept.
    """
    post = get_object_or_404(Post.objects.published().select_related("author"), pk=pk)
    if not _may_see(request.user, post):
        raise Http404("No such post.")
    form = CommentForm(request.POST, prefix="comment")
    if form.is_valid():
        try:
            comment = forum_services.publish_comment(
                post=post, author=request.user, body=form.cleaned_data["body"],
                disclosure=form.disclosure_data(),
            )
        except ratelimits.PostingRateLimited as limited:
            messages.error(request, str(limited))
            return _post_page(request, post, form, status=429)
        messages.success(request, "Your comment is published.")
        return redirect(comment)
    return _post_page(request, post, form, status=400)


@login_required
def post_create(request):
    """Write a new post with its disclosure."""
    return _edit(request, post=None)


@login_required
def post_edit(request, pk: int):
    """Edit one's own post and its disclosure; others get 403."""
    post = get_object_or_404(Post, pk=pk)
    if post.author_id != request.user.pk:
        raise PermissionDenied("Only the author can edit this post.")
    return _edit(request, post=post)


def _edit(request, *, post: Post | None):
    """One page for the post and its disclosure; "Preview" re-shows it without saving.

    An author over the posting rate sees when they may post again, above the form (and their
    text is kept when they submit anyway).
    """
    preview = None
    rate_limited = None
    if post is None:
        try:
            ratelimits.check_posting_rate(request.user)
        except ratelimits.PostingRateLimited as limited:
            rate_limited = str(limited)
    if request.method == "POST":
        post_form = PostForm(request.POST, instance=post, author=request.user)
        if "preview" in request.POST:
            if not post_form.errors:  # the post's own fields; the disclosure may be unfinished
                preview = post_form.disclosure_form.rendered
                post_form.disclosure_form.compute_nudges()
        elif post_form.is_valid():  # the publish gate: a complete disclosure, or no post
            fields = {
                "title": post_form.cleaned_data["title"],
                "body": post_form.cleaned_data["body"],
                "disclosure": post_form.disclosure_data(),
            }
            try:
                if post is None:
                    post = forum_services.publish_post(author=request.user, **fields)
                    messages.success(request, "Your post is published.")
                else:
                    post = forum_services.edit_post(post=post, editor=request.user, **fields)
                    messages.success(request, "Your post was updated.")
            except ratelimits.PostingRateLimited as limited:
                rate_limited = str(limited)
            else:
                for warning in services.rendered_content(post).warnings:
                    messages.warning(request, f"Line {warning['line']}: {warning['message']}")
                return redirect(post)
        else:  # refused: say what would happen once it is fixed
            post_form.disclosure_form.compute_nudges()
    else:
        post_form = PostForm(instance=post, author=request.user)
    return render(
        request,
        "forum/post_form.html",
        {
            "post": post,
            "post_form": post_form,
            "disclosure_form": post_form.disclosure_form,
            "preview": preview,
            "rate_limited": rate_limited,
        },
        status=429 if rate_limited and request.method == "POST" and "preview" not in request.POST
        else 200,
    )


@login_required
def my_posts(request):
    """The author's own posts and comments with their review state and the moderators'
    messages, never scores, reasons or internal notes
    (``moderation.selectors.author_review_states``).
    """
    posts = list(Post.objects.filter(author=request.user).for_listing())
    comments = list(Comment.objects.filter(author=request.user).select_related("post"))
    selectors.attach_contents(posts + comments)
    states = moderation_selectors.author_review_states(author=request.user)
    rows = sorted(
        [(post, states.get(("post", post.pk)), "post") for post in posts]
        + [(comment, states.get(("comment", comment.pk)), "comment") for comment in comments],
        key=lambda row: row[0].created_at, reverse=True,
    )
    return render(request, "forum/my_posts.html", {
        "rows": rows,
        "escalated": moderation_selectors.is_escalated(request.user),
        "form": AuthorMessageForm(),
    })


def _author_action(request, item_id: int, service, done: str):
    item = get_object_or_404(ReviewItem, pk=item_id, author=request.user)
    form = AuthorMessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write a message first.")
        return redirect("forum:my-posts")
    try:
        service(item=item, author=request.user, message=form.cleaned_data["message"])
    except (moderation_services.ModerationError, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, done)
    return redirect("forum:my-posts")


@login_required
@require_POST
def reply_to_moderators(request, item_id: int):
    """Send the author's answer to a moderator's request about their post."""
    return _author_action(request, item_id, moderation_services.reply_to_request,
                          "Thanks. Your reply was sent; a moderator will look again.")


@login_required
@require_POST
def appeal_decision(request, item_id: int):
    """Appeal a moderator's decision on one's post, to be reviewed by a different moderator."""
    return _author_action(request, item_id, moderation_services.appeal,
                          "Your appeal was sent. A different moderator will review the post.")
