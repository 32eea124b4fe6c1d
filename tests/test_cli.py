"""The command line: JSON in and out, clear errors with exit status 2, and the terminal quiz."""

import io
import json
import os
import pathlib
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_core.cli import main
from decision_core.model.engine import recommend
from decision_core.model.sharelink import decode_answers, share_url

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCENARIOS = pathlib.Path(__file__).parents[1] / "scenarios" / "public.json"
PUBLIC_CASES = json.loads(SCENARIOS.read_text(encoding="utf-8"))

S01 = PUBLIC_CASES[0]["answers"]


class _Bytes(io.StringIO):
    """A text stdin that also offers raw bytes, like the real one."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.buffer = io.BytesIO(data)


def _run(monkeypatch, capsys, argv, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin) if isinstance(stdin, str) else _Bytes(stdin))
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_recommend_prints_the_recommendation_as_json(monkeypatch, capsys):
    """`recommend` reads answers on stdin and prints the recommendation JSON, exit 0."""
    status, out, err = _run(monkeypatch, capsys, ["recommend"], json.dumps(S01))
    assert status == 0 and err == ""
    data = json.loads(out)
    assert list(data) == ["choice", "title", "link", "headline", "plan", "reasons", "counterpoints", "caveats",
                          "changes", "support", "criteria", "answers"]
    assert (data["choice"], data["title"], data["link"]) == ("rag", "Start with RAG", "recommendation/#outcome-rag")
    # Weekly changes, citations, a $20,000 budget and a need for knowledge: four rows for RAG, none for the others.
    assert data["criteria"] == ["rag-knowledge-changes", "rag-citations", "rag-low-upfront-cost",
                                "rag-knowledge-in-documents"]
    assert data["support"] == [["rag", 4], ["fine-tuning", 0], ["both", 0], ["prompt-first", 0]]
    assert data["answers"] == dict(S01, knowledge_pages=None, behaviour_kinds=[])


def test_recommend_prints_a_plan_whose_reasons_argue_for_the_choice(monkeypatch, capsys):
    """The JSON has a plan of steps (approach, text, until) ending where the choice says, and every reason
    favours the choice or is neutral; what favours another outcome is a counterpoint."""
    answers = dict(S01, need="both", labelled_examples=2000, data_quality="high", behaviour_kinds=["tone"])
    status, out, _ = _run(monkeypatch, capsys, ["recommend"], json.dumps(answers))
    data = json.loads(out)
    assert status == 0 and data["choice"] == "both"
    assert [step["approach"] for step in data["plan"]] == ["rag", "fine-tuning"]
    assert data["plan"][0]["until"].startswith("when") and data["plan"][-1]["until"] is None
    assert {reason["favours"] for reason in data["reasons"]} <= {"both", None}
    assert all(point["favours"] not in ("both", None) for point in data["counterpoints"])


@pytest.mark.parametrize(("field", "value"), [("knowledge_pages", -5), ("knowledge_pages", "lots"),
                                              ("behaviour_kinds", ["style"]), ("behaviour_kinds", "tone")])
def test_invalid_new_answers_exit_2_naming_the_field(monkeypatch, capsys, field, value):
    """A bad size of knowledge or kind of behaviour is refused like any other answer: exit 2, the field named."""
    status, out, err = _run(monkeypatch, capsys, ["recommend"], json.dumps(dict(S01, **{field: value})))
    assert (status, out) == (2, "") and "- " + field + ": " in err


def test_recommend_reads_a_file(monkeypatch, capsys, tmp_path):
    """`recommend --answers FILE` reads the file (a UTF-8 BOM is fine)."""
    path = tmp_path / "answers.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(S01).encode())
    status, out, _ = _run(monkeypatch, capsys, ["recommend", "--answers", str(path)])
    assert status == 0 and json.loads(out)["choice"] == "rag"


def test_incomplete_answers_exit_2_naming_each_field(monkeypatch, capsys):
    """Incomplete answers: exit 2, nothing on stdout, each missing field named on stderr."""
    vague = [case for case in PUBLIC_CASES if case["expected"] == "error"][0]
    status, out, err = _run(monkeypatch, capsys, ["recommend"], json.dumps(vague["answers"]))
    assert (status, out) == (2, "")
    for field in ("knowledge_change", "need", "labelled_examples", "queries_per_day"):
        assert "- " + field + ": is required" in err


@pytest.mark.parametrize(("stdin", "words"), [
    ("{", "not valid JSON (line 1, column 2)"),
    ("", "is empty"),
    (b"\xff\xfe{}", "not UTF-8"),
    ("[" * 100000 + "]" * 100000, "nested too deeply"),
    ("[1, 2]", "expected an object of answers"),
    ('{"need": "facts"}', "need: expected one of knowledge, behaviour, both"),
])
def test_bad_input_exits_2_with_a_clear_message(monkeypatch, capsys, stdin, words):
    """Bad JSON, empty input, non-UTF-8 bytes and wrong shapes exit 2 with a message and no output."""
    status, out, err = _run(monkeypatch, capsys, ["recommend"], stdin)
    assert (status, out) == (2, "")
    assert err.startswith("error: ") and words in err


def test_unreadable_file_exits_2(monkeypatch, capsys, tmp_path):
    """A missing answers file exits 2 naming the file."""
    status, out, err = _run(monkeypatch, capsys, ["recommend", "--answers", str(tmp_path / "nope.json")])
    assert (status, out) == (2, "") and "nope.json" in err and "No such file" in err


S01_LINK = "quiz/?v=2&a=3-0-0-3-3uw-2bc-ffk-1-_-0-pevh#quiz-result"
"""S01's site-relative share link (test_sharelink.py pins the same token to S01's answers)."""


@pytest.fixture(autouse=True)
def _no_base_url_in_the_environment(monkeypatch):
    """The tests decide whether DECISION_GUIDE_BASE_URL is set, not the shell that runs them."""
    monkeypatch.delenv("DECISION_GUIDE_BASE_URL", raising=False)


def test_link_without_a_base_url_is_site_relative(monkeypatch, capsys):
    """`link` alone prints the share link relative to the guide's address."""
    status, out, _ = _run(monkeypatch, capsys, ["link"], json.dumps(S01))
    assert (status, out) == (0, S01_LINK + "\n")


@pytest.mark.parametrize(("given", "expected"), [
    ("https://g.example", "https://g.example/"),
    ("https://g.example/", "https://g.example/"),
    ("http://g.example/team/guide", "http://g.example/team/guide/"),
    ("HTTPS://G.example/", "HTTPS://G.example/"),
])
def test_link_with_a_base_url_prints_a_link_to_paste(monkeypatch, capsys, given, expected):
    """`link --base-url URL` prints the full link, with one slash between the address and the path."""
    status, out, _ = _run(monkeypatch, capsys, ["link", "--base-url", given, "--answers", "-"], json.dumps(S01))
    assert (status, out) == (0, expected + S01_LINK + "\n")


def test_the_base_url_can_come_from_the_environment(monkeypatch, capsys):
    """DECISION_GUIDE_BASE_URL stands in for --base-url; the option wins when both are given."""
    monkeypatch.setenv("DECISION_GUIDE_BASE_URL", "https://env.example/guide")
    assert _run(monkeypatch, capsys, ["link"], json.dumps(S01))[1] == "https://env.example/guide/" + S01_LINK + "\n"
    out = _run(monkeypatch, capsys, ["link", "--base-url", "https://flag.example/"], json.dumps(S01))[1]
    assert out == "https://flag.example/" + S01_LINK + "\n"


def test_recommend_with_a_base_url_prints_every_link_in_full(monkeypatch, capsys):
    """With --base-url, the recommendation's link and each reason's and caveat's link are absolute."""
    status, out, _ = _run(monkeypatch, capsys, ["recommend", "--base-url", "https://g.example"], json.dumps(S01))
    result = json.loads(out)
    assert status == 0
    assert result["link"] == "https://g.example/recommendation/#outcome-rag"
    links = [item["link"] for item in result["reasons"] + result["caveats"]]
    assert links and all(link.startswith("https://g.example/") and "#" in link for link in links)
    assert "https://g.example/framework/#q1-knowledge-change" in links
    plain = json.loads(_run(monkeypatch, capsys, ["recommend"], json.dumps(S01))[1])
    assert plain["link"] == "recommendation/#outcome-rag"


@pytest.mark.parametrize("command", ["link", "recommend", "quiz"])
@pytest.mark.parametrize("given", ["g.example", "www.g.example/guide/", "ftp://g.example/", "https://",
                                   "/guide/", "javascript:alert(1)//x", "https:/g.example"])
def test_a_base_url_without_http_or_https_is_refused_in_one_line(monkeypatch, capsys, command, given):
    """An address a pasted link could not open: exit 2, nothing on stdout, one line on stderr."""
    status, out, err = _run(monkeypatch, capsys, [command, "--base-url", given], json.dumps(S01))
    assert (status, out) == (2, "")
    assert err.startswith("error: --base-url must be the guide's address, starting with http:// or https://")
    assert err.count("\n") == 1 and repr(given) in err


def test_a_bad_base_url_in_the_environment_is_named(monkeypatch, capsys):
    """A wrong DECISION_GUIDE_BASE_URL is refused naming the variable, before the quiz asks anything."""
    monkeypatch.setenv("DECISION_GUIDE_BASE_URL", "guide.example")
    status, out, err = _run(monkeypatch, capsys, ["quiz"], QUIZ_S01)
    assert (status, out) == (2, "")
    assert err.startswith("error: DECISION_GUIDE_BASE_URL must be the guide's address")


def test_usage_errors_and_help_return_their_status(monkeypatch, capsys):
    """A missing or unknown command returns 2; --help returns 0."""
    assert _run(monkeypatch, capsys, [])[0] == 2
    assert _run(monkeypatch, capsys, ["bake"])[0] == 2
    status, out, _ = _run(monkeypatch, capsys, ["--help"])
    assert status == 0 and "recommend" in out
    for command in ("link", "recommend", "quiz"):
        status, out, _ = _run(monkeypatch, capsys, [command, "--help"])
        assert status == 0 and "--base-url URL" in out and "DECISION_GUIDE_BASE_URL" in out


QUIZ_S01 = "4\n1\n\ny\n0\n5,000\n3000\n$20000\n"


def test_quiz_asks_each_question_and_prints_the_recommendation(monkeypatch, capsys):
    """The quiz asks the questions in order and prints the recommendation: plan first, links, a share link."""
    status, out, _ = _run(monkeypatch, capsys, ["quiz", "--base-url", "https://g.example/"], QUIZ_S01)
    assert status == 0
    assert out.index("Question 1 of 4") < out.index("Question 2 of 4") < out.index("Question 4 of 4")
    assert "Recommendation: Start with RAG" in out
    assert out.index("The plan:") < out.index("  Now: Retrieval (RAG)") < out.index("Why:")
    assert "https://g.example/framework/#q1-knowledge-change" in out
    assert "Share this result: https://g.example/" + S01_LINK in out


def test_quiz_asks_the_size_of_the_knowledge_and_the_kinds_of_behaviour(monkeypatch, capsys):
    """For a need for both, the quiz asks how many pages the knowledge fills and which behaviour must change
    (numbers separated by commas), and the plan follows the answers."""
    replies = "4\n3\n300\n\n1,3\n2000\n1\n5000\n\n\n"
    status, out, _ = _run(monkeypatch, capsys, ["quiz"], replies)
    assert status == 0
    assert "About how many pages" in out and "Which behaviour must change?" in out
    assert "  Now: The whole knowledge in a cached prompt" in out
    assert "errors of tone or reasoning in more than 1 answer in 10" in out
    link = out.split("Share this result: ")[1].split()[0]
    assert decode_answers(link)["behaviour_kinds"] == ["tone", "reasoning"]
    assert decode_answers(link)["knowledge_pages"] == 300


def test_quiz_re_asks_a_kind_of_behaviour_it_does_not_know(monkeypatch, capsys):
    """An unknown number or word among the kinds is re-asked; names work as well as numbers."""
    replies = "1\n2\n\n1,9\nformat tone\n0\n300\n\n\n"
    status, out, _ = _run(monkeypatch, capsys, ["quiz"], replies)
    assert status == 0 and "Sorry: type the numbers of all that apply" in out
    assert "About how many pages" not in out  # a need that is only behaviour has no knowledge to size
    assert decode_answers(out.split("Share this result: ")[1].split()[0])["behaviour_kinds"] == ["tone", "format"]
def test_quiz_without_a_base_url_says_its_links_are_relative(monkeypatch, capsys):
    """Without an address, the quiz prints site-relative links and says how to print them in full."""
    status, out, _ = _run(monkeypatch, capsys, ["quiz"], QUIZ_S01)
    assert status == 0
    assert "links below are relative to the guide's address" in out and "--base-url" in out
    assert "Read more: recommendation/#outcome-rag" in out
    assert "Share this result: " + S01_LINK in out


def test_quiz_with_a_base_url_prints_full_links_only(monkeypatch, capsys):
    """With an address, every link the quiz prints starts with it, and there is no note about relative links."""
    status, out, _ = _run(monkeypatch, capsys, ["quiz", "--base-url", "https://g.example"], QUIZ_S01)
    links = [word for line in out.splitlines() for word in line.split() if "/#" in word or "?v=" in word]
    assert status == 0 and "relative" not in out
    assert links and all(link.startswith("https://g.example/") for link in links)
    assert "Read more: https://g.example/recommendation/#outcome-rag" in out


def test_quiz_skips_quality_when_there_are_no_examples(monkeypatch, capsys):
    """With no examples, the quiz does not ask about their quality."""
    status, out, _ = _run(monkeypatch, capsys, ["quiz"], QUIZ_S01)
    assert status == 0 and "How good are those examples?" not in out


def test_quiz_re_asks_on_bad_input_and_takes_defaults(monkeypatch, capsys):
    """Bad replies are re-asked with a reason; Enter takes an optional field's default."""
    replies = "seven\n0\n1\nbehaviour\nmaybe\n\n\n-3\n1.5\n\n1200\nhigh\n300\n0\n\nnot stated?\n\n"
    status, out, _ = _run(monkeypatch, capsys, ["quiz"], replies)
    assert status == 0
    assert out.count("Sorry: type a number from 1 to 6.") == 2
    said = ("Sorry: type 1 for yes or 2 for no.", "Sorry: this answer must not be negative, got -3.",
            "Sorry: type a whole number.", "Sorry: an answer is needed.", "Sorry: this answer must be at least 1, got 0.",
            "Sorry: type a number.", "Recommendation: Fine-tune")
    assert [line for line in said if line not in out] == []


def test_quiz_accepts_fractional_budgets(monkeypatch, capsys):
    """A budget with cents is accepted in the quiz."""
    status, out, _ = _run(monkeypatch, capsys, ["quiz"], "1\n2\n2\n\n600\n1\n10\n\n19999.99\n")
    assert status == 0 and "Recommendation: Fine-tune" in out
    assert "$19,999.99" in out


def test_quiz_stops_cleanly_on_end_of_input(monkeypatch, capsys):
    """Ctrl-D (end of input) stops the quiz with a message and status 1, no traceback."""
    status, out, err = _run(monkeypatch, capsys, ["quiz"], "4\n")
    assert status == 1 and "Quiz stopped" in err and "Recommendation" not in out


def test_ctrl_c_returns_130(monkeypatch, capsys):
    """Ctrl-C while reading answers returns 130."""
    class _Interrupting(io.StringIO):
        def read(self, *args):
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", _Interrupting())
    assert main(["recommend"]) == 130


def test_module_runs_from_a_checkout_without_install():
    """`python3 -m decision_core recommend` works from the repository root with no install."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-m", "decision_core", "recommend"], input=json.dumps(S01),
                          capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["choice"] == "rag"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(), st.builds(json.dumps, st.dictionaries(st.text(max_size=5), st.integers()))))
def test_random_input_never_crashes_the_command_line(monkeypatch, capsys, text):
    """Random text on stdin exits 0 with JSON or 2 with a message: never a traceback."""
    status, out, err = _run(monkeypatch, capsys, ["recommend"], text)
    assert (status == 0 and json.loads(out)) or (status == 2 and out == "" and err.startswith("error: "))


def test_python_dash_m_runs_main(monkeypatch, capsys):
    """Running the package as a module calls main and exits with its status."""
    import runpy

    monkeypatch.setattr(sys, "argv", ["decision_core", "link"])
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(S01)))
    with pytest.raises(SystemExit) as caught:
        runpy.run_module("decision_core", run_name="__main__")
    assert caught.value.code == 0 and capsys.readouterr().out == share_url(S01) + "\n"


def test_readable_result_leaves_out_an_empty_change_list(capsys):
    """Without changes to list, the readable result has no "What would change it" heading."""
    from decision_core.cli import _print_recommendation
    from decision_core.model.engine import Recommendation

    full = recommend(S01)
    _print_recommendation(Recommendation("rag", "h", full.reasons, (), (), full.caveats, (), full.answers),
                          "", print)
    assert "What would change it" not in capsys.readouterr().out


def test_a_closed_pipe_is_not_an_error(monkeypatch):
    """When the reader of stdout goes away (`| head`), the command still exits 0, quietly."""
    class _Closed(io.StringIO):
        def write(self, text):
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(S01)))
    monkeypatch.setattr(sys, "stdout", _Closed())
    assert main(["link"]) == 0


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(st.text(max_size=12), st.sampled_from(["1", "2", "0", "", "500", "-1", "1e999"])),
                      max_size=30))
def test_random_replies_never_crash_the_quiz(monkeypatch, capsys, lines):
    """Whatever is typed, the quiz ends with a recommendation (0) or stops at end of input (1)."""
    status, _, err = _run(monkeypatch, capsys, ["quiz"], "\n".join(line.replace("\n", " ") for line in lines) + "\n")
    assert status in (0, 1) and "Traceback" not in err


@pytest.mark.parametrize(("stdin", "words"), [
    ('{"knowledge_change": "weekly", "need": "knowledge", "labelled_examples": 0, "queries_per_day": 5, '
     '"budget_usd": ' + "1" + "0" * 320 + "}", "budget_usd: must be at most 1,000,000,000,000"),
    ('{"knowledge_change": "weekly", "need": "knowledge", "labelled_examples": 0, "queries_per_day": 5, '
     '"budget_usd": -1' + "0" * 320 + "}", "budget_usd: must not be negative, got a number too long to show"),
    ('{"budget_usd": ' + "9" * 5000 + "}", "too long (thousands of digits)"),
    ('{"need": "knowledge", "need": "behaviour"}', "the answers give 'need' twice"),
])
def test_huge_numbers_and_repeated_keys_get_a_one_line_reason(monkeypatch, capsys, stdin, words):
    """A budget too large for a float, a 5,000-digit number or a key given twice: exit 2, a reason, no traceback."""
    status, out, err = _run(monkeypatch, capsys, ["recommend"], stdin)
    assert status == 2 and out == ""
    assert words in err and "Traceback" not in err and "set_int_max_str_digits" not in err


def test_error_output_stays_short_whatever_the_input(monkeypatch, capsys):
    """A million unknown keys give a short message: ten problems listed, the rest counted."""
    answers = dict(S01)
    answers.update(("key%d" % index, 1) for index in range(1_000_000))
    status, out, err = _run(monkeypatch, capsys, ["recommend"], json.dumps(answers))
    assert status == 2 and out == ""
    assert len(err) < 3000
    assert err.count("\n- ") == 11 and "- and 999,990 more" in err
