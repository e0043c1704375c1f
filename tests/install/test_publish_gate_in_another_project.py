"""A forum admin puts the publish gate in front of *another* project's own pages and API.

The blog project of ``test_install_in_another_project`` gets a Django view with
``DisclosureGateFormMixin`` and a DRF ``CreateAPIView`` with ``DisclosureGateSerializerMixin``,
on DRF's default settings (its own exception handler), and nothing else of the plugin's.
"""

import json

from tests.install.test_install_in_another_project import FILES, run, write_project

GATE_FILES = {
    "site_settings_gate.py": """
        from site_settings import *
        INSTALLED_APPS = [*INSTALLED_APPS, "rest_framework"]
        MIDDLEWARE = [
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ]
        ROOT_URLCONF = "gate_urls"
        AI_DISCLOSURE_POLICY_URL = "https://blog.example/ai-policy"
    """,
    "gate_urls.py": """
        from django.urls import path
        from blog import gate_views
        urlpatterns = [
            path("articles/new/", gate_views.new_article),
            path("api/articles/", gate_views.ArticleCreate.as_view()),
        ]
    """,
    "blog/gate_views.py": """
        from django import forms
        from django.db import transaction
        from django.http import JsonResponse
        from rest_framework import generics, serializers
        from ai_disclosure import services
        from ai_disclosure.api.gate import DisclosureGateSerializerMixin
        from ai_disclosure.forms import DisclosureGateFormMixin
        from blog.models import Article

        class ArticleForm(DisclosureGateFormMixin, forms.ModelForm):
            body_field = "markdown"
            class Meta:
                model = Article
                fields = ["headline", "markdown"]

        def new_article(request):
            form = ArticleForm(request.POST)
            if not form.is_valid():
                return JsonResponse({"errors": form.disclosure_form.errors}, status=200)
            with transaction.atomic():
                article = form.save(commit=False)
                article.writer = request.user
                article.save()
                services.save_disclosure(content=article, user=request.user,
                                         data=form.disclosure_data())
            return JsonResponse({"id": article.pk}, status=201)

        class ArticleSerializer(DisclosureGateSerializerMixin, serializers.ModelSerializer):
            body_field = "markdown"
            class Meta:
                model = Article
                fields = ["id", "headline", "markdown", "disclosure"]

        class ArticleCreate(generics.CreateAPIView):
            serializer_class = ArticleSerializer
            def perform_create(self, serializer):
                serializer.save(writer=self.request.user)
    """,
    "gate_smoke.py": """
        import django, json
        django.setup()
        from django.test.utils import setup_test_environment
        setup_test_environment()
        from django.contrib.auth.models import User
        from django.test import Client
        from ai_disclosure.selectors import disclosure_for
        from blog.models import Article

        client = Client()
        client.force_login(User.objects.create(username="cy"))
        page = client.post("/articles/new/", {"headline": "Hi", "markdown": "Mine."})
        api = client.post("/api/articles/", {"headline": "Hi", "markdown": "Mine."},
                          content_type="application/json")
        agent = {"autonomous": True, "assistance": ["drafting"], "models_used": ["GPT-5"],
                 "ai_share_estimate": "gt90", "expertise": "none",
                 "description": "An agent wrote and posted this article on its own.",
                 "verification": "It re-read every source it cites."}
        created = client.post("/api/articles/", {"headline": "By an agent", "markdown": "Text.",
                              "disclosure": agent}, content_type="application/json")
        human = client.post("/articles/new/", {"headline": "Mine", "markdown": "Mine.",
                                               "human_only": "on"})
        print(json.dumps({
            "page": [page.status_code, page.json()["errors"]],
            "api": [api.status_code, api.json()],
            "created": [created.status_code, created.json()],
            "human": human.status_code,
            "articles": sorted(Article.objects.values_list("headline", flat=True)),
            "agent_disclosure": disclosure_for(Article.objects.get(headline="By an agent"))
                .autonomous,
        }))
    """,
}


def test_publish_gate_guards_another_projects_own_page_and_api(tmp_path):
    write_project(tmp_path, {**FILES, **GATE_FILES})
    settings = "site_settings_gate"
    run(["manage.py", "makemigrations", "blog", "-v0"], tmp_path, settings)
    run(["manage.py", "migrate", "-v0"], tmp_path, settings)

    result = json.loads(run(["gate_smoke.py"], tmp_path, settings))

    page_status, page_errors = result["page"]
    api_status, refusal = result["api"]
    assert page_status == 200 and api_status == 422
    assert refusal["errors"] == {f"disclosure.{name}": m for name, m in page_errors.items()}
    assert refusal["policy_url"] == "https://blog.example/ai-policy"
    assert [c["value"] for c in refusal["fields"]["disclosure.expertise"]["choices"]] == [
        "author", "other", "none"
    ]
    assert result["created"][0] == 201 and "disclosure" not in result["created"][1]
    assert result["human"] == 201
    assert result["articles"] == ["By an agent", "Mine"]
    assert result["agent_disclosure"] is True
