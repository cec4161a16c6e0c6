"""Views of the materials library (assessment.library): the index, one module, one document."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render

from .library import language_names, library_allowed, library_modules, library_programme
from .materials import (
    MATERIAL_FORMATS,
    MATERIAL_LANGUAGES,
    material_docx,
    material_get,
    material_pdf,
)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _require_library(request) -> None:
    if not library_allowed(request.user):
        # Not a secret that the library exists; the materials are for the course's participants.
        raise PermissionDenied


@login_required
def library(request):
    _require_library(request)
    programme = library_programme(request.user)
    modules = library_modules(programme) if programme is not None else []
    return render(
        request,
        "assessment/library/index.html",
        {"programme": programme, "modules": modules, "languages": language_names()},
    )


@login_required
def library_module(request, number: int):
    _require_library(request)
    programme = library_programme(request.user)
    modules = library_modules(programme, number=number) if programme is not None else []
    if not modules:
        raise Http404
    return render(
        request,
        "assessment/library/module.html",
        {"programme": programme, "module": modules[0], "languages": language_names()},
    )


@login_required
def library_document(request, slug: str, language: str, fmt: str):
    _require_library(request)
    material = material_get(slug)
    if material is None or language not in MATERIAL_LANGUAGES or fmt not in MATERIAL_FORMATS:
        raise Http404
    render_document = material_pdf if fmt == "pdf" else material_docx
    response = HttpResponse(render_document(material, language=language))
    response["Content-Type"] = CONTENT_TYPES[fmt]
    response["Content-Disposition"] = f'attachment; filename="{slug}-{language}.{fmt}"'
    return response
