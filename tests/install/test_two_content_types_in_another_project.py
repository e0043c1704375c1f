"""A project with its own ``Article`` and ``Reply`` models registers both content types
(issue 11) and runs the whole flow on a reply: disclose through the publish gate, screen,
flag, a moderator decides from the queue (filtered by type), the author sees the decision.

Written from scratch in a temporary directory, like ``test_install_in_another_project``; the
reply type uses the compact form, its adapter has no title and names the article as parent.
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

FILES = {
    "manage.py": """
        import sys
        from django.core.management import execute_from_command_line
        execute_from_command_line(sys.argv)
    """,
    "site_settings.py": """
        SECRET_KEY = "test"
        INSTALLED_APPS = [
            "django.contrib.auth", "django.contrib.contenttypes",
            "django.contrib.sessions", "django.contrib.messages", "news",
            "ai_disclosure", "moderation",
        ]
        MIDDLEWARE = [
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
        ]
        DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}
        ROOT_URLCONF = "site_urls"
        TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates",
                      "APP_DIRS": True, "OPTIONS": {"context_processors": [
                          "django.template.context_processors.request",
                          "django.contrib.auth.context_processors.auth",
                          "django.contrib.messages.context_processors.messages"]}}]
        USE_TZ = True
        DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
        AI_DISCLOSURE_CONTENT_TYPES = {
            "article": {"model": "news.Article", "adapter": "news.adapter.ArticleAdapter"},
            "reply": {"model": "news.Reply", "adapter": "news.adapter.ReplyAdapter",
                      "form": "compact", "label": "Reply"},
        }
        AI_MODERATION_SITE_URL = "https://news.example"
    """,
    "site_urls.py": """
        from django.urls import include, path
        urlpatterns = [path("ai-disclosure/", include("ai_disclosure.urls")),
                       path("moderation/", include("moderation.urls"))]
    """,
    "news/__init__.py": "",
    "news/models.py": """
        from django.conf import settings
        from django.db import models

        class Article(models.Model):
            writer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
            headline = models.CharField(max_length=100)
            text = models.TextField()
            published_at = models.DateTimeField(null=True)

        class Reply(models.Model):
            article = models.ForeignKey(Article, on_delete=models.CASCADE)
            writer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
            text = models.TextField()
            published_at = models.DateTimeField(null=True)
            hidden = models.BooleanField(default=False)
    """,
    "news/adapter.py": """
        from ai_disclosure.adapter import ContentAdapter

        class ArticleAdapter(ContentAdapter):
            author_field = "writer"
            title_field = "headline"
            def get_body(self, obj): return obj.text
            def get_url(self, obj): return f"/news/{obj.pk}/"

        class ReplyAdapter(ArticleAdapter):
            title_field = None
            parent_field = "article"
            def get_url(self, obj): return f"/news/{obj.article_id}/#reply-{obj.pk}"
    """,
    "news/moderation_adapter.py": """
        from moderation.adapter import ModerationAdapter

        class NewsModerationAdapter(ModerationAdapter):
            def reject(self, post):
                type(post).objects.filter(pk=post.pk).update(hidden=True)
    """,
    "flow.py": """
        import json
        import django
        django.setup()
        from django.conf import settings
        from django.contrib.auth.models import Permission, User
        from django.core import mail
        from django.test import Client
        from django.test.utils import setup_test_environment
        from django.utils import timezone
        from ai_disclosure import gate, selectors, services
        from ai_disclosure.gate import DisclosureIncomplete
        from ai_disclosure.rules import DisclosureData
        from moderation import selectors as moderation_selectors
        from moderation import services as moderation_services
        from moderation.models import ReviewItem
        from news.models import Article, Reply

        setup_test_environment()  # the locmem mail backend
        settings.ALLOWED_HOSTS = ["testserver"]
        settings.AI_MODERATION_ADAPTER = "news.moderation_adapter.NewsModerationAdapter"
        out = {}
        editor = User.objects.create(username="eve")
        reader = User.objects.create(username="rob", email="rob@example.org")
        moderator = User.objects.create(username="mia")
        moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
        moderator = User.objects.get(pk=moderator.pk)
        article = Article.objects.create(writer=editor, headline="Rail strike",
                                         text="Trains stop.", published_at=timezone.now())
        pasted = ("Certainly! Here's a reply about the strike.\\n\\nIt's important to note that "
                  "transport is a multifaceted tapestry.\\n\\nI hope this helps! Let me know if "
                  "you'd like any changes.")
        # The publish gate with the compact rules: kinds without a sentence are refused.
        try:
            gate.check_publishable(body=pasted, kind="reply",
                                   disclosure=DisclosureData(assistance={"drafting"}))
        except DisclosureIncomplete as refused:
            out["refused"] = sorted(refused.message_dict)
        ticked = DisclosureData(human_only=True)  # falsely: the text is a chat answer
        gate.check_publishable(body=pasted, kind="reply", disclosure=ticked)
        reply = Reply.objects.create(article=article, writer=reader, text=pasted,
                                     published_at=timezone.now())
        services.save_disclosure(content=reply, user=reader, data=ticked)
        content = services.content_for(reply)
        out["parent"] = content.parent.object_id
        screening = moderation_services.screen_content(content_id=content.pk)
        out["context"] = {k: screening.context["content"][k]
                          for k in ("type", "parent_id", "parent_author_is_author")}
        page = moderation_selectors.queue(
            filters=moderation_selectors.QueueFilters(type="reply"), limit=10)
        [row] = page.rows
        out["queue"] = [row.kind_label, row.item.post_title[:11]]
        out["articles_in_queue"] = len(moderation_selectors.queue(
            filters=moderation_selectors.QueueFilters(type="article"), limit=10).rows)
        client = Client()
        client.force_login(moderator)
        html = client.get("/moderation/?type=reply").content.decode()
        out["queue_page_shows_type"] = 'data-content-type="reply"' in html
        item = moderation_services.resolve_item(item=row.item, moderator=moderator,
                                                decision="reject", note="Pasted from a chat.")
        out["hidden"] = Reply.objects.get(pk=reply.pk).hidden
        state = moderation_selectors.author_review_states(author=reader)[("reply", reply.pk)]
        out["author_sees"] = [state.label, bool(state.message), state.can_appeal]
        out["summary"] = selectors.summarize(selectors.disclosure_for(reply))
        print(json.dumps(out))
    """,
}


def run(args, cwd):
    result = subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=180,
        env={"PYTHONPATH": f"{cwd}:{REPO}", "PATH": "/usr/bin:/bin",
             "DJANGO_SETTINGS_MODULE": "site_settings", "CELERY_BROKER_URL": "memory://"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_a_project_with_articles_and_replies_moderates_a_reply_end_to_end(tmp_path):
    for name, content in FILES.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(content))
    run(["manage.py", "makemigrations", "news", "-v0"], tmp_path)
    run(["manage.py", "migrate", "-v0"], tmp_path)
    assert "no issues" in run(["manage.py", "check"], tmp_path)

    out = json.loads(run(["flow.py"], tmp_path).splitlines()[-1])

    assert out["refused"] == ["description"]  # the compact form: kinds and one sentence
    assert out["parent"] == 1
    assert out["context"] == {"type": "reply", "parent_id": 1, "parent_author_is_author": False}
    assert out["queue"] == ["Reply", "Certainly! "]  # no title: the start of the reply
    assert out["articles_in_queue"] == 0
    assert out["queue_page_shows_type"] is True
    assert out["hidden"] is True  # the host's adapter applied the decision
    assert out["author_sees"] == ["Removed", True, True]
    assert out["summary"] == "Human-written"
