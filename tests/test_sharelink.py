"""Share links: short, versioned, checked, and round-tripping every valid answer set."""

import json
import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_core.model.answers import validate_answers
from decision_core.base.errors import DecisionError, InvalidAnswers, InvalidShareLink
from decision_core.model.sharelink import VERSION, _checksum, decode_answers, encode_answers, share_url

SCENARIOS = pathlib.Path(__file__).parents[1] / "scenarios" / "public.json"
PUBLIC_CASES = json.loads(SCENARIOS.read_text(encoding="utf-8"))

S01 = PUBLIC_CASES[0]["answers"]


def _token(query):
    return query.split("a=")[1].split("#")[0]


def test_link_is_versioned_and_opens_the_result():
    """share_url points at the quiz with v=2, the token, and the result anchor."""
    url = share_url(S01)
    assert url.startswith("quiz/?v=2&a=") and url.endswith("#quiz-result")
    assert VERSION == 2


# Two links `python3 -m decision_core link` printed on 2026-11-30, before version 2: links already sent to
# clients, which must keep opening with the same answers.
V1_LINKS = [
    ("quiz/?v=1&a=3-0-0-3-3uw-2bc-ffk-1-ec6l#quiz-result",
     {"knowledge_change": "weekly", "need": "knowledge", "labelled_examples": 0, "data_quality": "unknown",
      "queries_per_day": 5000, "latency_budget_ms": 3000, "budget_usd": 20000, "needs_citations": True,
      "knowledge_pages": None, "behaviour_kinds": []}),
    ("quiz/?v=1&a=0-2-xc-1-8c-_-1250.5-0-r9j0#quiz-result",
     {"knowledge_change": "static", "need": "both", "labelled_examples": 1200, "data_quality": "mixed",
      "queries_per_day": 300, "latency_budget_ms": None, "budget_usd": 1250.5, "needs_citations": False,
      "knowledge_pages": None, "behaviour_kinds": []}),
]


V2_LINK = ("quiz/?v=2&a=3-0-0-3-3uw-2bc-ffk-1-_-0-pevh#quiz-result",
           {"knowledge_change": "weekly", "need": "knowledge", "labelled_examples": 0, "data_quality": "unknown",
            "queries_per_day": 5000, "latency_budget_ms": 3000, "budget_usd": 20000, "needs_citations": True,
            "knowledge_pages": None, "behaviour_kinds": []})
"""Scenario S01's version-2 link: weekly (3), knowledge (0), 0 examples, unknown quality (3), 5000 = 3uw,
3000 = 2bc and 20000 = ffk in base 36, citations (1), no size (_), no kinds (0), then the checksum."""


def test_a_version_2_link_is_written_and_read_as_pinned():
    """S01's answers give exactly the pinned version-2 link, and that link opens with the same answers."""
    link, answers = V2_LINK
    assert share_url(answers) == link
    assert decode_answers(link) == answers


@pytest.mark.parametrize(("link", "answers"), V1_LINKS)
def test_version_1_links_already_sent_keep_opening(link, answers):
    """A version-1 link opens with its eight answers; the size and the kinds of behaviour are left unstated."""
    assert decode_answers(link) == answers


def test_version_1_links_keep_their_checksum():
    """A version-1 link with one character changed is still refused, by its own checksum."""
    with pytest.raises(InvalidShareLink, match="checksum"):
        decode_answers("quiz/?v=1&a=4-0-0-3-3uw-2bc-ffk-1-ec6l")


@pytest.mark.parametrize(("kinds", "part"), [([], "0"), (["tone"], "1"), (["format"], "2"),
                                             (["tone", "reasoning"], "5"), (["tone", "format", "reasoning"], "7")])
def test_kinds_of_behaviour_pack_into_one_character(kinds, part):
    """The kinds of behaviour ticked are one base-36 digit: tone 1, format 2, reasoning 4, added up."""
    token = _token(encode_answers(dict(S01, behaviour_kinds=kinds, knowledge_pages=1200)))
    assert token.split("-")[-2:-1] == [part]
    assert token.split("-")[-3] == "xc"  # 1,200 pages in base 36
    assert decode_answers("v=2&a=" + token)["behaviour_kinds"] == kinds


def test_link_is_short_and_url_safe():
    """A full answer set packs into a short token of URL-safe characters only."""
    token = _token(encode_answers(S01))
    assert len(token) < 40
    assert set(token) <= set("0123456789abcdefghijklmnopqrstuvwxyz-_.")


@pytest.mark.parametrize("case", [c for c in PUBLIC_CASES if c["expected"] != "error"],
                         ids=[c["id"] for c in PUBLIC_CASES if c["expected"] != "error"])
def test_public_scenarios_round_trip(case):
    """Every public scenario's answers survive encoding and decoding."""
    assert decode_answers(share_url(case["answers"])) == validate_answers(case["answers"]).to_dict()


@pytest.mark.parametrize("wrap", [
    lambda q: q, lambda q: "?" + q, lambda q: "https://guide.example/quiz/?" + q + "#quiz-result",
    lambda q: "utm_source=mail&" + q + "&utm_campaign=x&flag", lambda q: "  ?" + q + "\n",
])
def test_decoding_accepts_every_form_of_the_query(wrap):
    """With or without '?', as a whole URL, with utm_* parameters or whitespace: same answers."""
    assert decode_answers(wrap(encode_answers(S01)))["knowledge_change"] == "weekly"


def test_percent_encoded_links_decode():
    """A mail client that percent-encodes the token does not break the link."""
    query = encode_answers(S01).replace("-", "%2D").replace("v=", "%76=")
    assert decode_answers(query) == validate_answers(S01).to_dict()


def test_fractional_and_null_budgets_round_trip():
    """Fractional budgets, tiny or huge, and null values survive the round trip."""
    for budget in (1250.5, 1e-05, 123456789.125, 0.1, None, 0):
        raw = dict(S01, budget_usd=budget, latency_budget_ms=None)
        assert decode_answers(encode_answers(raw))["budget_usd"] == budget


@pytest.mark.parametrize(("query", "words"), [
    ("", "parameters v= and a= are missing"),
    ("utm_source=x", "parameters v= and a= are missing"),
    ("v=1", "a= is missing"),
    ("a=3-0-0", "v= is missing"),
    ("v=9&a=3-0-0-3-3uw-2bc-ffk-1-ec6l", "version '9' is not one this guide knows"),
    ("v=2&a=3-0-0-3-3uw-2bc-ffk-1-ec6l", "expected 11 parts, found 9"),
    ("v=1&v=1&a=x", "twice"),
    ("v=1&a=3-0-0-3-3uw-2bc-ffk-1", "cut short or damaged"),
    ("v=1&a=", "cut short or damaged"),
    ("v=1&a=%ff%fe", "not text"),
])
def test_broken_links_are_refused_with_a_clear_message(query, words):
    """Missing parameters, unknown versions, repeats and truncation raise InvalidShareLink."""
    with pytest.raises(InvalidShareLink) as caught:
        decode_answers(query)
    assert words in str(caught.value)


def test_tampered_links_fail_the_checksum():
    """Changing any one character of the answers is caught by the checksum."""
    token = _token(encode_answers(S01))
    body = token.rsplit("-", 1)[0]
    for index, char in enumerate(body):
        if char == "-":
            continue
        for other in "0123456789abcz_":
            if other != char:
                with pytest.raises(InvalidShareLink):
                    decode_answers("v=1&a=" + body[:index] + other + body[index + 1:] + token[len(body):])


def _signed(parts, version=2):
    body = "-".join(parts)
    return "v=%d&a=%s-%s" % (version, body, _checksum(version, body))


@pytest.mark.parametrize(("parts", "words"), [
    ("9-0-0-3-1-_-_-0-_-0", "part 1 (knowledge_change)"),
    ("3-0-0-3-1-_-_-7-_-0", "part 8 (needs_citations)"),
    ("3-0-_-3-1-_-_-0-_-0", "part 3 (labelled_examples)"),
    ("3-0-0-3-1-_-1.2.3-0-_-0", "part 7 (budget_usd)"),
    ("3-0-0-3-1-_-.5-0-_-0", "part 7 (budget_usd)"),
    ("3-0-0-3-1-_-1.x-0-_-0", "part 7 (budget_usd)"),
    ("3-0-0-3-1-0-_-0-_-0", "latency_budget_ms: must be at least 1"),
    ("3-0-0-3-zzzzzzzzz-_-_-0-_-0", "queries_per_day: must be at most"),
    ("3-0-0-3-1-_-1.0e400-0-_-0", "budget_usd: expected a finite number"),
    ("3-0-0-3-1-_-_-0-1.5-0", "part 9 (knowledge_pages)"),
    ("3-0-0-3-1-_-_-0-_-8", "part 10 (behaviour_kinds)"),
    ("3-0-0-3-1-_-_-0-_-_", "part 10 (behaviour_kinds)"),
    ("3-0-0-3-1-_-_-0-zzzzzzzzz-0", "knowledge_pages: must be at most"),
])
def test_well_signed_but_invalid_parts_are_refused(parts, words):
    """Parts that are not valid values are refused even when the checksum matches."""
    with pytest.raises(InvalidShareLink) as caught:
        decode_answers(_signed(parts.split("-")))
    assert words in str(caught.value)


def test_a_version_1_link_is_read_with_version_1_fields():
    """A well-signed version-1 link of eight parts is read as eight answers, with the new two left out."""
    assert decode_answers(_signed(["3", "0", "0", "3", "1", "_", "_", "0"], 1))["behaviour_kinds"] == []
    with pytest.raises(InvalidShareLink, match="expected 9 parts, found 11"):
        decode_answers(_signed(["3", "0", "0", "3", "1", "_", "_", "0", "_", "0"], 1))


def test_encoding_validates_first():
    """Encoding incomplete answers raises InvalidAnswers, not a broken link."""
    with pytest.raises(InvalidAnswers):
        encode_answers({"need": "both"})


def test_non_text_links_are_refused():
    """A share link must be a string."""
    with pytest.raises(InvalidShareLink):
        decode_answers(None)


@settings(max_examples=300)
@given(data=st.data())
def test_every_valid_answer_set_round_trips(answer_sets, data):
    """Encoding then decoding any valid answer set gives back all its answers."""
    raw = data.draw(answer_sets)
    assert decode_answers(share_url(raw)) == validate_answers(raw).to_dict()


@settings(max_examples=300)
@given(st.one_of(st.text(), st.text(alphabet="v=1&a-_.0123456789abcdefz%?#"),
                 st.builds(lambda t: "v=1&a=" + t, st.text(alphabet="0123456789abcdefghijklmnopqrstuvwxyz-_.em"))))
def test_random_text_raises_only_invalid_share_link(text):
    """Random text never crashes decoding: it decodes or raises InvalidShareLink."""
    try:
        assert len(decode_answers(text)) == 10
    except DecisionError as error:
        assert isinstance(error, InvalidShareLink)


@given(data=st.data())
def test_random_values_raise_only_invalid_share_link(json_values, data):
    """Non-text values (numbers, lists, objects...) raise InvalidShareLink, nothing else."""
    value = data.draw(json_values)
    try:
        decode_answers(value)
    except DecisionError as error:
        assert isinstance(error, InvalidShareLink)


def test_a_known_older_version_is_read_by_its_own_reader(monkeypatch):
    """Each known version has a reader that migrates its answers to the current contract."""
    import decision_core.model.sharelink as sharelink

    def read_v0(token):
        """A stand-in for a retired format: only need and change, the rest defaulted by migration."""
        need, change = token.split(".")
        return {"knowledge_change": change, "need": need, "labelled_examples": 0, "queries_per_day": 0}

    monkeypatch.setattr(sharelink, "_READERS", ((0, read_v0),) + sharelink._READERS)
    assert decode_answers("v=0&a=knowledge.daily")["data_quality"] == "unknown"
    assert decode_answers(encode_answers(S01)) == validate_answers(S01).to_dict()
    with pytest.raises(InvalidShareLink, match=r"known: 0, 1, 2"):
        decode_answers("v=7&a=x")


def _padded(link, length):
    """`link` with a `utm_source` parameter that brings it to exactly `length` characters."""
    head = link + "&utm_source="
    return head + "x" * (length - len(head))


@pytest.mark.parametrize("length", [2001, 100_000])
def test_an_address_over_two_thousand_characters_is_refused_unread(length):
    """A link padded past 2,000 characters is refused as too long, naming its length and the cap."""
    from decision_core.base.errors import ShareLinkTooLong

    link, _ = V1_LINKS[0]
    with pytest.raises(ShareLinkTooLong, match="too long .*%d characters; its links have at most 2000" % length):
        decode_answers(_padded(link.split("#")[0], length))


def test_an_address_of_exactly_two_thousand_characters_still_opens():
    """The same link padded to exactly 2,000 characters opens with its answers (the cap is inclusive)."""
    link, answers = V1_LINKS[0]
    assert decode_answers(_padded(link.split("#")[0], 2000)) == answers
