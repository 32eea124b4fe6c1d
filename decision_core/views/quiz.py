"""HTML fragments for the quiz: the form, its progress line and the result panel.

The quiz form is rendered once, at build time (`sitegen`), so its questions
are plain HTML that works before any script runs. The result panel is rendered in the reader's browser
by the PyScript glue (`docs/assets/widgets/widgets.py`) from a
`Recommendation`. Both come from here, from the framework's data
(`decision_core.framework.questions`), so the quiz cannot drift from the contract.

Every function is pure: it takes data and a `base_url` (the prefix that turns
a site-relative URL such as `framework/#q1-knowledge-change` into a link that
works from the page: `../` at build time, the site's absolute URL in the
browser) and returns a string. Every piece of text and every URL is escaped
with `html.escape`, so nothing in the data, the answers or a share link can
inject markup.

Each question is asked once: its legend asks its first field, with one help
line; its other fields follow with their own labels. The texts a reader
meets around share links are here too, in plain words: the notice for a link
that cannot be read (`LINK_NOTICE_TEXT`), and the note that a link's result
is being prepared while the interpreter loads (`LINK_PENDING_TEXT`).

Test hooks the glue and the browser tests rely on: `data-widget="quiz"`,
`data-state` and `data-link-parameter` on the widget's root, `data-field`
and `data-kind` on each field, `data-link-notice` and `data-link-pending`
on the share-link notes, `data-quiz-*` on the parts the glue reads or
writes, `data-choice` on the result panel.

Example:
    >>> progress_text(3, 4)
    '3 of 4 answered'
    >>> from decision_core.base.errors import Problem
    >>> '<script>' in render_problems([Problem("need", "<script>")])
    False
"""

from ..base.errors import DecisionError, UnknownId
from ..base.format import answer as format_answer
from ..framework.questions import FIELDS, QUESTIONS, get_field
from ..framework.rules import get_outcome
from ..framework.sections import get_section
from ..model.sharelink import ANSWERS_PARAMETER as SHARE_PARAMETER
from .html import escape as _e
from .html import href as _href
from .html import is_safe_url as _is_safe_url

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..base.errors import Problem
    from ..framework.questions import Field, Question
    from ..model.answers import Answers
    from ..model.engine import Recommendation

REQUIRED: "tuple[str, ...]" = tuple(field.name for field in FIELDS if field.required)
"""The names of the required fields, in contract order: one per question."""


def _join(parts: "Iterable[str]") -> str:
    return "".join(parts)


def field_id(name: str, value: "str | None" = None) -> str:
    """Return the `id` of a field's control (or of one option of a choice field).

    Args:
        name: The field name, e.g. `need`.
        value: An option value, for a choice field's radio button.

    Returns:
        `quiz-need` or `quiz-need-behaviour`.
    """
    if value is None:
        return "quiz-" + name
    return "quiz-" + name + "-" + value


def progress_text(answered: int, total: int) -> str:
    """Return the progress line, e.g. `3 of 4 answered`.

    Args:
        answered: How many questions have all their required answers.
        total: How many questions there are.

    Returns:
        The line, as plain text.
    """
    return "%d of %d answered" % (answered, total)


def _optional(field: "Field") -> str:
    return "" if field.required else ' <span class="quiz__optional">(optional)</span>'


def _help_id(field: "Field") -> str:
    return field_id(field.name) + "-help"


def _help(field: "Field", extra: str = "") -> str:
    """The field's help line (with `extra` HTML after it), or nothing without either."""
    if not field.help and not extra:
        return ""
    text = _e(field.help) + (" " + extra if field.help and extra else extra)
    return '<p class="quiz__help" id="%s">%s</p>' % (_e(_help_id(field)), text)


def _described(field: "Field") -> str:
    return ' aria-describedby="%s"' % _e(_help_id(field)) if field.help else ""


def _options(field: "Field", control: str) -> str:
    """One `radio` or `checkbox` input per option, each with its label and help."""
    items = []
    for option in field.options:
        control_id = field_id(field.name, option.value)
        items.append(
            '<div class="quiz__option">'
            '<input type="%s" name="%s" id="%s" value="%s">'
            '<label for="%s">%s<span class="quiz__option-help">%s</span></label>'
            "</div>" % (control, _e(field.name), _e(control_id), _e(option.value), _e(control_id),
                        _e(option.label), _e(option.help))
        )
    return _join(items)


def _choice(field: "Field", legend_id: str) -> str:
    if legend_id:  # the question's legend names the radio group: no legend of its own
        return ('<div class="quiz__field quiz__field--choice" data-field="%s" data-kind="choice">%s</div>'
                % (_e(field.name), _options(field, "radio")))
    return (
        '<fieldset class="quiz__field quiz__field--choice" data-field="%s" data-kind="choice"%s>'
        "<legend>%s%s</legend>%s%s</fieldset>"
        % (_e(field.name), _described(field), _e(field.label), _optional(field), _help(field),
           _options(field, "radio"))
    )


def _choices(field: "Field", legend_id: str) -> str:
    if legend_id:  # the question's legend names the group of checkboxes
        return ('<div class="quiz__field quiz__field--choices" data-field="%s" data-kind="choices" id="%s" '
                'role="group" aria-labelledby="%s">%s</div>'
                % (_e(field.name), _e(field_id(field.name)), _e(legend_id), _options(field, "checkbox")))
    return (
        '<fieldset class="quiz__field quiz__field--choices" data-field="%s" data-kind="choices" id="%s"%s>'
        "<legend>%s%s</legend>%s%s</fieldset>"
        % (_e(field.name), _e(field_id(field.name)), _described(field), _e(field.label), _optional(field),
           _help(field), _options(field, "checkbox"))
    )


def _number(field: "Field", legend_id: str) -> str:
    integer = field.kind == "integer"
    attributes = ' min="%s"' % _e(field.minimum) if field.minimum is not None else ""
    if field.maximum is not None:
        attributes += ' max="%s"' % _e(field.maximum)
    attributes += ' step="1" inputmode="numeric"' if integer else ' step="any" inputmode="decimal"'
    if legend_id:
        label, help_line = "", ""
        attributes += ' aria-labelledby="%s"' % _e(legend_id)
    else:
        label = '<label for="%s">%s%s</label>' % (_e(field_id(field.name)), _e(field.label), _optional(field))
        help_line = _help(field)
    return (
        '<div class="quiz__field quiz__field--number" data-field="%s" data-kind="%s">%s%s'
        '<input type="number" name="%s" id="%s"%s%s autocomplete="off">'
        "</div>"
        % (_e(field.name), _e(field.kind), label, help_line, _e(field.name), _e(field_id(field.name)),
           attributes, _described(field))
    )


def _boolean(field: "Field", legend_id: str) -> str:
    label = "Yes" if legend_id else field.label
    return (
        '<div class="quiz__field quiz__field--boolean" data-field="%s" data-kind="boolean">'
        '<input type="checkbox" name="%s" id="%s" value="yes"%s>'
        '<label for="%s">%s%s</label>%s'
        "</div>"
        % (_e(field.name), _e(field.name), _e(field_id(field.name)), _described(field),
           _e(field_id(field.name)), _e(label), "" if legend_id else _optional(field),
           "" if legend_id else _help(field))
    )


CONTROLS: "tuple[tuple[str, object], ...]" = (
    ("choice", _choice),
    ("choices", _choices),
    ("boolean", _boolean),
    ("integer", _number),
    ("number", _number),
)
"""Each field kind and the function that renders its control(s): `(field, legend_id) -> HTML`.

A new kind of field slots in with one row here (and one reader in the glue).
With a `legend_id`, the field is its question's first: the question's legend
asks it, so the control shows no label of its own and is named by the legend."""


def render_field(field: "Field", legend_id: str = "") -> str:
    """Return the native control(s) for one answer field.

    A choice field is a group of radio buttons, a multiple-choice
    (`choices`) field a group of checkboxes; a number is an
    `<input type="number">` with its bounds; a boolean is a checkbox.
    On its own (no `legend_id`), a field carries its label (a legend for a
    choice), its help line and "(optional)" when it is. As the first field of
    a question (`legend_id` given), it is named by the question's legend and
    described by the question's help line, so the question is asked once.
    The wrapper carries `data-field` (its name) and `data-kind`.

    Args:
        field: The field.
        legend_id: The id of the question's legend, when the field is the one it asks.

    Returns:
        An HTML fragment.

    Raises:
        UnknownId: No renderer for the field's kind (see `CONTROLS`).
    """
    for kind, control in CONTROLS:
        if kind == field.kind:
            return control(field, legend_id)
    raise UnknownId("kind of quiz field", field.kind, tuple(kind for kind, _ in CONTROLS))


def render_question(question: "Question", total: int, base_url: str = "") -> str:
    """Return one question as a fieldset: the question once, one help line, and its fields.

    The legend says "Question 2 of 4" and asks the question's first field; the
    help line under it says how to answer and links to the guide's section on
    why it matters. The question's other fields follow, each with its own label.

    Args:
        question: The question.
        total: How many questions the quiz has (for "Question 2 of 4").
        base_url: The prefix that makes a site-relative URL work from the page.

    Returns:
        An HTML fragment.
    """
    section = get_section(question.section)
    lead, rest = question.fields[0], question.fields[1:]
    legend_id = "quiz-%s-legend" % question.id
    why = '<a href="%s">Why this matters</a>' % _e(_href(base_url, section.url))
    return (
        '<fieldset class="quiz__question" id="quiz-%s" data-question="%s" aria-describedby="%s">'
        '<legend id="%s"><span class="quiz__number">Question %d of %d</span> %s%s</legend>'
        '%s%s%s</fieldset>'
        % (_e(question.id), _e(question.id), _e(_help_id(lead)), _e(legend_id), question.number, total,
           _e(lead.label), _optional(lead), _help(lead, why), render_field(lead, legend_id),
           _join(render_field(field) for field in rest))
    )


def render_call_to_action(call_to_action: object, base_url: str = "") -> str:
    """Return the call to action shown with a result, or nothing when none is configured.

    Args:
        call_to_action: `extra.call_to_action` from `mkdocs.yml`: a mapping with
            `text` and `url`; anything else (absent, incomplete, a `javascript:`
            URL) renders nothing.
        base_url: The prefix that makes a site-relative URL work from the page.

    Returns:
        An HTML fragment, hidden until there is a result, or `""`.
    """
    if not isinstance(call_to_action, dict):
        return ""
    text = call_to_action.get("text")
    url = call_to_action.get("url")
    if not isinstance(text, str) or not isinstance(url, str) or not text.strip() or not url.strip():
        return ""
    if not _is_safe_url(url):
        return ""
    return (
        '<p class="quiz-result__cta" data-quiz-cta hidden>'
        '<a class="md-button md-button--primary" href="%s">%s</a></p>'
        % (_e(_href(base_url, url.strip())), _e(text.strip()))
    )


LINK_NOTICE_TITLE: str = "This link could not be read"
"""The heading of the notice a damaged, cut or unknown share link gets."""

LINK_NOTICE_TEXT: str = (
    "Part of it was lost or changed on the way (when it was copied, or broken across lines in an "
    "email), or it comes from a newer version of this guide, so its answers cannot be shown. "
    "Ask the person who sent it for a fresh link, or answer the four questions below: it takes "
    "about a minute."
)
"""What the notice says: what happened and what to do, in plain words."""

LINK_TOO_LONG_TEXT: str = (
    "This address is far longer than any link this guide makes, so it was not read: it was probably "
    "joined to other text when it was copied."
)
"""The notice's first line when the address is over-long (shown by the glue, hidden otherwise)."""

LINK_PENDING_TEXT: str = (
    "Preparing the result of the link you opened: its answers fill in the questions above, and the "
    "recommendation appears here in a few seconds."
)
"""What the result area says while the interpreter loads, when the address holds a share link."""

LINK_STALLED_TEXT: str = (
    "The result of this link cannot be shown, because the interactive part of this page did not "
    "load (the message above the questions says more). The guide's pages still give the same advice "
    "by hand: start with the four questions of the framework."
)
"""What the result area says instead when the interpreter did not load."""


def render_link_notice() -> str:
    """Return the notice for a share link that cannot be read: hidden until the glue finds one.

    It sits above the questions, carries `data-link-notice`, and can take
    focus (`tabindex="-1"`), so the glue can bring it where the reader is.
    Its `data-link-notice-long` line (`LINK_TOO_LONG_TEXT`) is shown only for
    an address over `sharelink.MAX_ADDRESS_LENGTH`.

    Returns:
        An HTML fragment.
    """
    return (
        '<div class="quiz__notice admonition warning" data-quiz-notice data-link-notice role="alert" '
        'tabindex="-1" hidden><p class="admonition-title">%s</p><p data-link-notice-long hidden>%s</p><p>%s</p></div>'
        % (_e(LINK_NOTICE_TITLE), _e(LINK_TOO_LONG_TEXT), _e(LINK_NOTICE_TEXT))
    )


def render_link_pending(base_url: str = "") -> str:
    """Return the result area's note for a share link that is being prepared: hidden until the loader shows it.

    The page's loader (`runtime.js`) shows it, before Python starts, when the
    address has the parameter named by the quiz root's `data-link-parameter`;
    the glue hides it once it has read the link. If the interpreter never
    loads, the stylesheet swaps its text for `LINK_STALLED_TEXT`.

    Args:
        base_url: The prefix that makes a site-relative URL work from the page.

    Returns:
        An HTML fragment.
    """
    framework = _href(base_url, get_section("q1-knowledge-change").url)
    return (
        '<div class="quiz-result__pending" data-link-pending hidden>'
        '<p class="quiz-result__pending-loading">%s</p>'
        '<p class="quiz-result__pending-failed">%s <a href="%s">The four questions</a></p></div>'
        % (_e(LINK_PENDING_TEXT), _e(LINK_STALLED_TEXT), _e(framework))
    )


def render_cleared() -> str:
    """Return the line shown after "Start again": the answers are cleared, and a button brings them back.

    Returns:
        An HTML fragment, for the form's `data-quiz-cleared` status region.
    """
    return ('<span class="quiz__cleared-text">Your answers are cleared.</span> '
            '<button type="button" class="md-button" data-quiz-undo>Undo</button>')


def jump_text(recommendation: "Recommendation") -> str:
    """Return the text of the link that follows the reader to the result, e.g. `See your result: Start with RAG`.

    Args:
        recommendation: The engine's recommendation.

    Returns:
        Plain text.
    """
    return "See your result: " + get_outcome(recommendation.choice).title


def render_quiz(base_url: str = "", call_to_action: object = None) -> str:
    """Return the whole quiz widget: notice, status, the four questions, progress, restart, result.

    This is plain HTML that works before any script: the questions can be
    answered while the interpreter loads, and the glue reads them when it is
    ready. The root names the share link's parameter (`data-link-parameter`),
    so the loader can say a link's result is on its way before Python runs.

    Args:
        base_url: The prefix that makes a site-relative URL work from the page
            (`../` for `quiz/`).
        call_to_action: `extra.call_to_action` from `mkdocs.yml`, if any.

    Returns:
        An HTML fragment with the anchors `quiz-form` and `quiz-result`.
    """
    total = len(QUESTIONS)
    return (
        '<div class="quiz" data-widget="quiz" data-state="loading" data-link-parameter="%s">'
        '<p class="widget-status" role="status" data-widget-status></p>'
        "%s"
        '<noscript><p class="quiz__noscript">The questions work without JavaScript, but the '
        "recommendation is computed in your browser and needs it. The framework and the decision "
        "table give the same advice by hand.</p></noscript>"
        '<form class="quiz__form" id="quiz-form" data-quiz-form autocomplete="off">'
        '<p class="quiz__progress" data-quiz-progress>%s</p>'
        '<div class="quiz__cleared" role="status" data-quiz-cleared></div>'
        "%s"
        '<div class="quiz__actions">'
        '<button type="reset" class="md-button" data-quiz-restart>Start again</button>'
        "</div>"
        '<p class="quiz__jump" data-quiz-jump hidden>'
        '<button type="button" class="md-button md-button--primary" aria-controls="quiz-result" '
        'data-quiz-jump-link></button></p>'
        "</form>"
        '<section class="quiz-result" id="quiz-result" data-quiz-result aria-labelledby="quiz-result-title">'
        '<h2 id="quiz-result-title" tabindex="-1">Your recommendation</h2>'
        '<p class="quiz-result__announce visually-hidden" aria-live="polite" data-quiz-announce></p>'
        "%s"
        '<div class="quiz-result__body" data-quiz-output>%s</div>'
        "%s%s"
        "</section></div>"
        % (_e(SHARE_PARAMETER), render_link_notice(), _e(progress_text(0, total)),
           _join(render_question(question, total, base_url) for question in QUESTIONS),
           render_link_pending(base_url), render_waiting(0, total), render_unavailable(base_url),
           render_call_to_action(call_to_action, base_url))
    )


def render_unavailable(base_url: str = "") -> str:
    """Return what the result panel says when the interactive part cannot start.

    It is in the page from the start and shown by the stylesheet only while
    the quiz is in its error state (`data-state="error"`), so it needs no
    script: the reader learns where the result would have been that it will
    not come, and where the same advice is by hand.

    Args:
        base_url: The prefix that makes a site-relative URL work from the page.

    Returns:
        An HTML fragment.
    """
    return (
        '<div class="quiz-result__unavailable" data-quiz-unavailable>'
        "<p>The recommendation is worked out by Python in your browser, and it could not start here, "
        "so no result will appear. The same advice is there by hand: answer "
        '<a href="%s">the four questions of the framework</a> or tick the rows of '
        '<a href="%s">the quick decision table</a> that fit your case.</p></div>'
        % (_e(_href(base_url, "framework/#q1-knowledge-change")), _e(_href(base_url, "decision-table/#decision-table")))
    )


def render_waiting(answered: int, total: int) -> str:
    """Return the result panel's text while required answers are missing.

    Args:
        answered: How many questions are answered.
        total: How many questions there are.

    Returns:
        An HTML fragment.
    """
    missing = total - answered
    if missing <= 0:
        what = "Working out your recommendation…"
    elif missing == 1:
        what = "Answer the last question to see a recommendation for your case."
    elif missing == total:
        what = "Answer the %d questions above to see a recommendation for your case." % missing
    else:
        what = "Answer the %d remaining questions to see a recommendation for your case." % missing
    return '<p class="quiz-result__waiting">%s</p>' % _e(what)


def render_problems(problems: "Iterable[Problem]") -> str:
    """Return the list of answers to fix, when an answer is out of range or not a number.

    Args:
        problems: The `problems` of an `InvalidAnswers` error.

    Returns:
        An HTML fragment.
    """
    items = []
    for problem in problems:
        try:
            label = get_field(problem.field).label
            target = "#" + field_id(problem.field)
        except DecisionError:  # not a field of the form, e.g. `answers`
            label = problem.field
            target = "#quiz-form"
        items.append('<li><a href="%s">%s</a>: %s</li>' % (_e(target), _e(label), _e(problem.message)))
    return (
        '<div class="quiz-result__problems" data-quiz-problems>'
        "<p>Some answers need a look before there is a recommendation:</p><ul>%s</ul></div>"
        % _join(items)
    )


def render_answers(answers: "Answers") -> str:
    """Return the answers as a definition list, for the printed result.

    Args:
        answers: The validated answers.

    Returns:
        An HTML fragment.
    """
    rows = []
    for name, value in answers.items():
        field = get_field(name)
        rows.append("<dt>%s</dt><dd>%s</dd>" % (_e(field.label), _e(format_answer(field, value))))
    return '<dl class="quiz-result__answers">%s</dl>' % _join(rows)


def _linked_items(items: "Iterable[object]", base_url: str) -> str:
    out = []
    for item in items:
        title = get_section(item.section).title
        if _is_safe_url(item.link):
            out.append('<li>%s <a href="%s">%s</a></li>'
                       % (_e(item.text), _e(_href(base_url, item.link)), _e(title)))
        else:
            out.append("<li>%s</li>" % _e(item.text))
    return _join(out)


def _linked(text: str, link: str, section: str, base_url: str) -> str:
    if not _is_safe_url(link):
        return _e(text)
    return '%s <a href="%s">%s</a>' % (_e(text), _e(_href(base_url, link)), _e(get_section(section).title))


def render_plan(recommendation: "Recommendation", base_url: str = "") -> str:
    """Return the plan as a short timeline (`Now: … → Next: …`), then one item per step.

    Each step gives its name, how long it takes, what to do, what it costs,
    and the signal that moves the client on.

    Args:
        recommendation: The engine's recommendation.
        base_url: The prefix that makes a site-relative URL work from the page.

    Returns:
        A `<p class="quiz-result__timeline">` and an `<ol class="quiz-result__plan">` whose items carry
        `data-approach`.
    """
    steps = []
    summary = []
    for step in recommendation.plan:
        summary.append('<span class="quiz-result__timeline-step"><strong>%s:</strong> %s</span>'
                       % (_e(step.label), _e(step.title)))
        until = ""
        if step.until:
            until = '<p class="quiz-result__until"><strong>Move on</strong> %s.</p>' % _e(step.until)
        steps.append(
            '<li class="quiz-result__step" data-approach="%s">'
            '<p class="quiz-result__step-head"><span class="quiz-result__step-label">%s</span> '
            '<strong>%s</strong> <span class="quiz-result__step-time">(%s)</span></p>'
            "<p>%s</p>"
            '<p class="quiz-result__step-cost">Cost: %s.</p>%s</li>'
            % (_e(step.approach), _e(step.label), _e(step.title), _e(step.time),
               _linked(step.text, step.link, step.section, base_url), _e(step.cost), until)
        )
    timeline = '<span class="quiz-result__arrow" aria-hidden="true"> → </span>'.join(summary)
    return ('<p class="quiz-result__timeline">%s</p><ol class="quiz-result__plan">%s</ol>'
            % (timeline, _join(steps)))


def render_result(recommendation: "Recommendation", base_url: str = "", share_url: str = "",
                  date: str = "", calculator_url: str = "") -> str:
    """Return the result panel: the recommendation, its plan, why, what speaks against it, caveats, changes.

    The plan comes first, as a timeline ("Now", "Next", "Later"); then the
    reasons, then "What speaks against it" (findings that favour another
    outcome), what to watch before starting, what would change the
    recommendation, and the answers.

    Args:
        recommendation: The engine's recommendation.
        base_url: The prefix that makes a site-relative URL work from the page
            (in the browser, the site's absolute URL).
        share_url: The absolute share link, shown and copied; omitted when empty.
        date: The date to print with the result (ISO), omitted when empty.
        calculator_url: The site-relative link to the cost calculator filled
            in with the reader's volume, omitted when empty.

    Returns:
        An HTML fragment whose root carries `data-choice`.
    """
    outcome = get_outcome(recommendation.choice)
    parts = [
        '<div class="quiz-result__panel" data-choice="%s">' % _e(recommendation.choice),
        '<p class="quiz-result__choice"><span class="quiz-result__label">We recommend:</span> '
        "<strong>%s</strong></p>" % _e(outcome.title),
        '<p class="quiz-result__headline">%s <a href="%s">More on this recommendation</a></p>'
        % (_e(outcome.summary), _e(_href(base_url, recommendation.link))),
    ]
    if recommendation.plan:
        parts.append("<h3>Your plan</h3>" + render_plan(recommendation, base_url))
    if recommendation.reasons:
        parts.append('<h3>Why</h3><ul class="quiz-result__reasons">%s</ul>'
                     % _linked_items(recommendation.reasons, base_url))
    if recommendation.counterpoints:
        parts.append('<h3>What speaks against it</h3><ul class="quiz-result__counterpoints">%s</ul>'
                     % _linked_items(recommendation.counterpoints, base_url))
    if recommendation.caveats:
        parts.append('<h3>Before you start</h3><ul class="quiz-result__caveats">%s</ul>'
                     % _linked_items(recommendation.caveats, base_url))
    if recommendation.changes:
        parts.append('<h3>What would change it</h3><ul class="quiz-result__changes">%s</ul>'
                     % _join("<li>%s</li>" % _e(change.text) for change in recommendation.changes))
    if calculator_url and _is_safe_url(calculator_url):
        volume = format_answer(get_field("queries_per_day"), recommendation.answers.queries_per_day)
        parts.append('<p class="quiz-result__calculator"><a href="%s">What each approach would cost at %s '
                     "requests a day: the calculator</a></p>"
                     % (_e(_href(base_url, calculator_url)), _e(volume)))
    parts.append('<h3>Your answers</h3>' + render_answers(recommendation.answers))
    if share_url:
        parts.append(
            '<div class="quiz-result__share">'
            '<p><span class="quiz-result__label">Link to this result:</span> '
            '<a href="%s" data-quiz-share>%s</a></p>'
            '<p class="quiz-result__share-actions">'
            '<button type="button" class="md-button" data-quiz-copy>Copy link</button> '
            '<span role="status" data-quiz-copy-status></span></p></div>'
            % (_e(share_url), _e(share_url))
        )
    if date:
        parts.append('<p class="quiz-result__date">Recommendation made on <time datetime="%s">%s</time>.</p>'
                     % (_e(date), _e(date)))
    parts.append("</div>")
    return _join(parts)


def announcement(recommendation: "Recommendation") -> str:
    """Return the short sentence the polite live region announces when the result changes.

    Args:
        recommendation: The engine's recommendation.

    Returns:
        Plain text, e.g. `Recommendation: Start with RAG.`
    """
    return "Recommendation: " + get_outcome(recommendation.choice).title + "."
