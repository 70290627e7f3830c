"""The form screen: a dtks.forms Form as a page of questions the user answers.

``view`` (FormView: the answers, their checking, focus and keys), ``navigator`` (the section
list), ``builder`` (the page's widgets), ``repeats`` (section cards and repeat panels),
``editors`` (one editor per question type), ``photos`` (photo import and its GPS) and
``style`` (the style sheet). What the answers mean (what is saved, which repeat counts hold)
is the form engine's: ``dtks.forms.answers``.
"""

from capi_app.ui.form.view import FormView

__all__ = ["FormView"]
