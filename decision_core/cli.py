"""The command line: `python3 -m decision_core recommend | link | quiz`.

- `recommend [--answers FILE]` reads an answer set as JSON (from the file, or
  standard input) and prints the recommendation as JSON.
- `link [--answers FILE]` prints the share link that opens the quiz with those answers.
- `quiz` asks the four questions one at a time in the terminal and prints the
  recommendation as readable text, with links to the guide.

Exit status: 0 on success; 2 when the answers are invalid or incomplete, the
file cannot be read or the JSON cannot be parsed (the message, on standard
error, names every bad or missing field; nothing is printed on standard
output); 1 when the quiz is stopped before its end (Ctrl-D); 130 on Ctrl-C.
This module is the edge where files, standard input and the terminal are read:
the rest of the package stays pure.
"""

import argparse
import json
import sys

from .base.errors import DecisionError, InvalidAnswers
from .framework.questions import QUESTIONS
from .model.answers import applies, check_answer, typed_answer, validate_answers
from .model.engine import recommend
from .model.sharelink import share_url

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .framework.questions import Field
    from .model.engine import Recommendation

_PROG = "python3 -m decision_core"


class _Stop(Exception):
    """An error the command line reports in one line, then exits with status 2."""


def _read_json(path: "str | None") -> object:
    """Parse the answers from a file, or from standard input when `path` is None or `-`."""
    where = "standard input" if path in (None, "-") else path
    try:
        if path in (None, "-"):
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except OSError as error:
        raise _Stop("cannot read the answers from %s: %s" % (where, error.strerror or error)) from None
    except UnicodeDecodeError:
        raise _Stop("the answers in %s are not UTF-8 text" % where) from None
    if not text.strip():
        raise _Stop("no answers: %s is empty (expected a JSON object of answers)" % where)
    try:
        return json.loads(text, object_pairs_hook=_object)
    except _Stop:
        raise
    except RecursionError:
        raise _Stop("the answers in %s are nested too deeply to be an answer set" % where) from None
    except ValueError as error:
        if "int_max_str_digits" in str(error) or "integer string conversion" in str(error):
            raise _Stop("a number in the answers in %s is too long (thousands of digits) to be an answer" % where) from None
        line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
        place = " (line %s, column %s)" % (line, column) if line is not None else ""
        reason = getattr(error, "msg", str(error))
        raise _Stop("the answers in %s are not valid JSON%s: %s" % (where, place, reason)) from None


def _object(pairs: "list[tuple[str, object]]") -> "dict[str, object]":
    """A JSON object, refusing a key given twice (json would silently keep the last)."""
    found = {}
    for key, value in pairs:
        if key in found:
            raise _Stop("the answers give %r twice; give each answer once" % (key[:40],))
        found[key] = value
    return found


def _base(url: str) -> str:
    return url if not url or url.endswith("/") else url + "/"


def _ask(prompt: str) -> str:
    return input(prompt).strip()


def _parse_reply(field: "Field", reply: str) -> object:
    """Turn a typed reply into an answer value; raise ValueError when it is not one."""
    if reply == "":
        if field.required:
            raise ValueError("an answer is needed")
        return field.default
    if field.kind == "choice":
        values = field.values
        numbers = [str(number) for number in range(1, len(values) + 1)]
        if reply in numbers:
            return values[numbers.index(reply)]
        if reply.lower() in values:
            return reply.lower()
        raise ValueError("type a number from 1 to %d" % len(values))
    if field.kind == "choices":
        return _parse_choices(field, reply)
    if field.kind == "boolean":
        if reply.lower() in ("1", "y", "yes"):
            return True
        if reply.lower() in ("2", "n", "no"):
            return False
        raise ValueError("type 1 for yes or 2 for no")
    try:
        return typed_answer(field, reply)
    except InvalidAnswers:
        raise ValueError("type a whole number" if field.kind == "integer" else "type a number") from None


def _parse_choices(field: "Field", reply: str) -> "list[str]":
    """Read `1,3` (or `tone reasoning`) as the options ticked; raise ValueError otherwise."""
    values = field.values
    chosen = []
    for part in reply.replace(",", " ").split():
        if part in [str(number) for number in range(1, len(values) + 1)]:
            value = values[int(part) - 1]
        elif part.lower() in values:
            value = part.lower()
        else:
            raise ValueError("type the numbers of all that apply, such as 1,3, or press Enter for none")
        if value not in chosen:
            chosen.append(value)
    return chosen


def _ask_field(field: "Field", write: "Callable[[str], object]") -> object:
    write("")
    write(field.label)
    write("  " + field.help)
    if field.kind == "choice":
        for index, option in enumerate(field.options):
            write("  %d. %s: %s" % (index + 1, option.label, option.help))
        hint = "1-%d" % len(field.options)
        default = field.option(field.default).label if not field.required else None
    elif field.kind == "choices":
        for index, option in enumerate(field.options):
            write("  %d. %s: %s" % (index + 1, option.label, option.help))
        hint, default = "all that apply, such as 1,3", "none"
    elif field.kind == "boolean":
        write("  1. Yes\n  2. No")
        hint, default = "1-2", ("Yes" if field.default else "No")
    else:
        hint = "a whole number" if field.kind == "integer" else "a number"
        default = "not stated" if field.nullable else None
    prompt = "Your answer (%s%s): " % (hint, ", Enter for " + default if default else "")
    while True:
        try:
            value = _parse_reply(field, _ask(prompt))
        except ValueError as error:
            write("  Sorry: %s." % error)
            continue
        problem = check_answer(field.name, value)
        if problem is None:
            return value
        write("  Sorry: this answer %s." % problem)


def _print_recommendation(result: "Recommendation", base: str, write: "Callable[[str], object]") -> None:
    write("")
    write("Recommendation: " + result.outcome.title)
    write(result.outcome.summary)
    write("Read more: " + base + result.link)
    write("")
    write("The plan:")
    for step in result.plan:
        write("  %s: %s (%s)" % (step.label, step.title, step.time))
        write("    " + step.text)
        write("    Cost: " + step.cost + ".")
        if step.until:
            write("    Move on " + step.until + ".")
    for title, items in (("Why", result.reasons), ("What speaks against it", result.counterpoints),
                         ("Watch out for", result.caveats)):
        if not items:
            continue
        write("")
        write(title + ":")
        for item in items:
            write("  - " + item.text)
            write("    " + base + item.link)
    if result.changes:
        write("")
        write("What would change it:")
        for change in result.changes:
            write("  - " + change.text)
    write("")
    write("Share this result: " + base + share_url(result.answers))


def _quiz(base: str) -> int:
    write = print
    write("The RAG-or-fine-tuning quiz: four questions, one at a time. Ctrl-D stops.")
    raw = {}
    try:
        for question in QUESTIONS:
            write("")
            write("Question %d of %d: %s" % (question.number, len(QUESTIONS), question.title))
            write(question.help)
            for field in question.fields:
                if not applies(field.name, raw):
                    continue  # e.g. no examples: their quality keeps its default, "unknown"
                raw[field.name] = _ask_field(field, write)
    except EOFError:
        print("\nQuiz stopped before the end: no recommendation.", file=sys.stderr)
        return 1
    _print_recommendation(recommend(raw), base, write)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_PROG, description="Decide between RAG, fine-tuning, both, or prompt engineering first.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in (("recommend", "print the recommendation for an answer set, as JSON"),
                       ("link", "print the share link for an answer set")):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("--answers", metavar="FILE",
                             help="a JSON file of answers (default: standard input)")
        if name == "link":
            command.add_argument("--base-url", default="", metavar="URL",
                                 help="the site's address, put before the link")
    quiz = commands.add_parser("quiz", help="answer the questions in the terminal",
                               description="Answer the four questions one at a time.")
    quiz.add_argument("--base-url", default="", metavar="URL",
                      help="the site's address, put before every link")
    return parser


def main(argv: "Sequence[str] | None" = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments after the program name; `None` reads `sys.argv`.

    Returns:
        The exit status: 0 on success, 2 on bad input or usage, 1 when the quiz
        is stopped early, 130 on Ctrl-C.
    """
    try:
        arguments = _parser().parse_args(argv)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 2
    try:
        if arguments.command == "quiz":
            return _quiz(_base(arguments.base_url))
        answers = validate_answers(_read_json(arguments.answers))
        if arguments.command == "link":
            output = _base(arguments.base_url) + share_url(answers)
        else:
            output = json.dumps(recommend(answers).to_dict(), indent=2, ensure_ascii=False)
    except (_Stop, DecisionError) as error:
        print("error: %s" % error, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return 130
    try:
        print(output)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early, as `| head` does: not an error
        sys.stdout = None
    return 0
