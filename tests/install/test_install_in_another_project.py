"""A forum admin installs the app into *another* Django project (DESIGN §1, issue 2 §4).

The project below is written from scratch in a temporary directory: its own post model with
other field names (read through a custom adapter), ``INSTALLED_APPS``, one URL include and
``AI_DISCLOSURE_POST_MODEL`` (the settings before content types, still read as a registry of
one type). First without ``moderation``, which proves ``ai_disclosure`` stands alone; then
with it, screening a post of that model.
"""

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

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
            "django.contrib.sessions", "django.contrib.messages", "blog", "ai_disclosure",
        ]
        DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}
        ROOT_URLCONF = "site_urls"
        TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates",
                      "APP_DIRS": True, "OPTIONS": {"context_processors": []}}]
        USE_TZ = True
        DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
        AI_DISCLOSURE_POST_MODEL = "blog.Article"
        AI_DISCLOSURE_POST_ADAPTER = "blog.adapter.ArticleAdapter"
    """,
    "site_urls.py": """
        from django.urls import include, path
        urlpatterns = [path("ai-disclosure/", include("ai_disclosure.urls"))]
    """,
    "blog/__init__.py": "",
    "blog/models.py": """
        from django.conf import settings
        from django.db import models

        class Article(models.Model):
            writer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
            headline = models.CharField(max_length=100)
            markdown = models.TextField()
            published_at = models.DateTimeField(null=True)
            updated_at = models.DateTimeField(auto_now=True)
    """,
    "blog/adapter.py": """
        from ai_disclosure.adapter import PostAdapter

        class ArticleAdapter(PostAdapter):
            author_field = "writer"
            def get_title(self, post): return post.headline
            def get_body(self, post): return post.markdown
    """,
    "smoke.py": """
        import django, os
        django.setup()
        from django.contrib.auth.models import User
        from django.template import Context, Template
        from ai_disclosure import services
        from ai_disclosure.rules import DisclosureData
        from blog.models import Article

        user = User.objects.create(username="ann")
        article = Article.objects.create(writer=user, headline="Hi",
            markdown=':::ai-edited{model="GPT-5"}\\nPolished.\\n:::\\n\\nMine.')
        services.save_disclosure(content=article, user=user, data=DisclosureData(
            assistance={"editing"}, models_used=["GPT-5"], ai_share_estimate="lt10",
            description="GPT-5 polished the first paragraph of this article.",
            expertise="author"))
        print(services.rendered_content(article).html)
        print(Template("{% load ai_disclosure %}{% ai_disclosure_summary post %}").render(
            Context({"post": article})))
    """,
}


#: Added for the project that also installs ``moderation``.
MODERATION_FILES = {
    "site_settings_moderation.py": """
        from site_settings import *
        INSTALLED_APPS = [*INSTALLED_APPS, "moderation"]
        AI_MODERATION_SITE_URL = "https://blog.example"  # links in emails to authors
    """,
    "screen.py": """
        import django, os
        django.setup()
        from django.contrib.auth.models import User
        from django.utils import timezone
        from ai_disclosure import services
        from ai_disclosure.rules import DisclosureData
        from blog.models import Article
        from moderation.models import ReviewItem
        from moderation.services import screen_content
        from ai_disclosure.services import content_for

        user = User.objects.create(username="bo")
        article = Article.objects.create(writer=user, headline="Sleep", published_at=timezone.now(),
            markdown="Certainly! Here's a post about sleep.\\n\\nSleep matters.\\n\\n"
                     "I hope this helps! Let me know if you'd like any changes.")
        services.save_disclosure(content=article, user=user, data=DisclosureData(human_only=True))
        screen_content(content_id=content_for(article).pk)
        item = ReviewItem.objects.get(content=content_for(article))
        print([reason["name"] for reason in item.reasons])
    """,
}


def run(args, cwd, settings="site_settings"):
    result = subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": f"{cwd}:{REPO}", "PATH": "/usr/bin:/bin",
             "DJANGO_SETTINGS_MODULE": settings,
             # No Celery app in this project: tasks go to an in-memory broker.
             "CELERY_BROKER_URL": "memory://"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def write_project(path, files):
    for name, content in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(content))


def test_app_installs_into_another_project_with_its_own_post_model(tmp_path):
    write_project(tmp_path, FILES)
    run(["manage.py", "makemigrations", "blog", "-v0"], tmp_path)
    run(["manage.py", "migrate", "-v0"], tmp_path)
    assert "no issues" in run(["manage.py", "check"], tmp_path)

    output = run(["smoke.py"], tmp_path)
    assert '<section class="ai-block ai-edited"' in output
    assert "AI: editing · GPT-5 · expert-reviewed by the author" in output

    # The user's data export works without moderation, through the project's adapter.
    export = json.loads(run(["manage.py", "export_user_data", "ann"], tmp_path))
    assert "moderation" not in export
    [entry] = export["ai_disclosure"]["posts"]
    assert entry["post"]["title"] == "Hi"
    assert entry["disclosure"]["models_used"] == ["GPT-5"]


def test_moderation_installs_into_another_project_and_screens_its_posts(tmp_path):
    write_project(tmp_path, {**FILES, **MODERATION_FILES})
    settings = "site_settings_moderation"
    run(["manage.py", "makemigrations", "blog", "-v0"], tmp_path, settings)
    run(["manage.py", "migrate", "-v0"], tmp_path, settings)
    assert "no issues" in run(["manage.py", "check"], tmp_path, settings)
    assert "Chat-assistant leftovers" in run(["screen.py"], tmp_path, settings)


@pytest.mark.parametrize("module", ["moderation", "demo"])
def test_ai_disclosure_never_imports_moderation_or_the_demo(module):
    sources = (REPO / "ai_disclosure").rglob("*.py")
    offenders = [
        str(path.relative_to(REPO)) for path in sources
        if f"import {module}" in path.read_text() or f"from {module}" in path.read_text()
    ]
    assert offenders == []


def test_wheel_ships_the_apps_with_templates_static_and_migrations_but_not_the_demo(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
         "--wheel-dir", str(tmp_path), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )
    [wheel] = tmp_path.glob("django_ai_disclosure-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for expected in [
        "ai_disclosure/migrations/0002_seed_assistance_kinds_and_block_types.py",
        "ai_disclosure/templates/ai_disclosure/disclosure_form.html",
        "ai_disclosure/static/ai_disclosure/disclosure-form.js",
        "ai_disclosure/templatetags/ai_disclosure.py",
    ]:
        assert expected in names
    assert not [name for name in names if name.startswith(("demo/", "tests/", "fixtures/"))]
