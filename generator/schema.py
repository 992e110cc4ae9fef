"""The content model, declared once as JSON Schema.

The same schemas validate files in ``catchup check`` and, written to ``schema/`` by
``catchup schema``, give editors validation and autocompletion. Every field has a description,
which editors show on hover and which the authoring guide follows.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

BASE = "https://catchup.invalid/schema/"  # an id, never fetched
# Patterns end in (?!\n)$: in Python (jsonschema, fastjsonschema) a bare $ also matches before a final
# line break, so 'skills-1\n' would pass; editors (JavaScript) read the same pattern the same way.
ID_PATTERN = "^[a-z0-9][a-z0-9-]*(?!\n)$"
# Monday is 0, as date.weekday() counts them; every other table of weekdays is made from this one.
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SESSION_KINDS = ["group", "individual", "psychoeducation", "skills", "family", "support"]
MAKEUP_KINDS = ["alternate_group", "one_to_one", "recording", "self_study"]
# The parts of a session someone who missed it needs, by their key in a session file, with the
# name messages give each. By default every session needs all three (site-config/checks.yml).
MAKEUP_PARTS = {"summary": "summary", "worksheets": "worksheet", "skills_practice": "skills practice"}
COLOURS = ["red", "pink", "purple", "deep purple", "indigo", "blue", "light blue", "cyan", "teal", "green",
           "light green", "lime", "yellow", "amber", "orange", "deep orange", "brown", "grey", "blue grey",
           "black", "white"]
REVIEW_STATUSES = ["sample", "draft", "approved"]
# The layout of a project (its folders, files and fields) that this version reads. A change that
# an older project cannot simply be read with raises it, and docs/upgrading.md says what to do.
PROJECT_FORMAT = 1
QUICK_EXIT_URL = "https://www.weather.gov"  # where "Leave this site" goes unless site.yml says


def text(description: str, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "description": description, **extra}


def texts(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string", "minLength": 1}, "description": description}


def ident(description: str) -> dict[str, Any]:
    return text(description + " Lowercase letters, digits and dashes.", pattern=ID_PATTERN, maxLength=80)


def obj(description: str, required: list[str], /, **properties: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "required": required,
        "additionalProperties": False,
        "properties": properties,
    }


def with_default(schema: dict[str, Any], default: Any) -> dict[str, Any]:
    """A setting's schema with its default, which the checker and the loader use when the setting is
    left out (written in the description as YAML writes it: true, 8)."""
    described = f"{schema['description'][:-1]} (default {json.dumps(default)})."
    return {**schema, "default": default, "description": described}


def array_of(description: str, item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "description": description, "items": item}


LANGUAGE_CODE = r"^[a-z]{2}(-[A-Z]{2})?(?!\n)$"  # en, es, pt-BR: also the <code> of <stem>.<code>.yml
LANGUAGE = {"type": "string", "pattern": LANGUAGE_CODE}
PLAIN = r'^[^<>"]+$'  # text the theme puts into HTML attributes unescaped
NO_TAGS = r"^[^<>]+$"  # titles: the theme writes them into the page and the menu as they are
DATE = text("A date written YYYY-MM-DD.",
            pattern=r"^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(?!\n)$")
TIME = text("A time on the 24-hour clock, written HH:MM.", pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9](?!\n)$")
# URL, EMAIL and PHONE: what each is, no more (no quotes, spaces, < or >); the pages write them
# percent-encoded as well (render.text.url_target).
URL = text("A web address starting with https:// or http://, e.g. https://988lifeline.org. Without spaces, "
           "quotes, < or >; a name with letters other than a to z is written in its xn-- form.",
           pattern=r"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::[0-9]{1,5})?"
                   r"(?:[/?#][^\s\"'<>\\^`{|}]*)?(?!\n)$")
PHONE = text("A phone number as participants should dial it: digits, spaces, dashes, dots, brackets and a "
             "leading +, e.g. 988, 1-800-662-4357 or +1 555 010 0199 (an extension as 'ext. 12').",
             pattern=r"^\+?[0-9(][0-9 ().-]{0,30}[0-9](?: ?(?:ext\.?|x) ?[0-9]{1,6})?(?!\n)$")
EMAIL = text("An email address, e.g. coordinator@example.org.",
             pattern=r"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                     r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(?!\n)$")
SOURCE = text("Where the idea comes from, by name (e.g. 'SAMHSA TIP 35'). Never copy copyrighted handouts.")

PROMPT = {
    "description": "A question the participant answers on the worksheet: plain text for a written "
    "answer, or an object to choose the kind of answer.",
    "anyOf": [
        text("A question answered in writing."),
        obj(
            "A question with a chosen kind of answer.",
            ["text"],
            text=text("The question."),
            answer={"enum": ["text", "rating"], "description": "text: written answer; rating: 0 to 10."},
            low=text("For a rating: what 0 means, e.g. 'not at all'."),
            high=text("For a rating: what 10 means, e.g. 'the most ever'."),
        ),
    ],
}

WORKSHEET_LOG = {"type": "boolean", "description": "true: a log, filled in again and again (each day, or each "
                 "time something happens): each entry has a date and answers to the questions, and the "
                 "participant sees past entries, edits or deletes one, and prints a week."}
WORKSHEET = obj(
    "A worksheet participants can fill in on their own.",
    ["id", "title", "purpose", "instructions", "prompts"],
    id=ident("Unique id of the worksheet."),
    title=text("Title shown to participants. Without < or > characters.", pattern=NO_TAGS),
    purpose=text("Why this worksheet helps, in one or two plain sentences."),
    instructions=text("How to fill it in."),
    prompts={**array_of("The questions to answer.", PROMPT), "minItems": 1},
    log=WORKSHEET_LOG,
    source=SOURCE,
)

SKILL = obj(
    "A skill to practice between sessions.",
    ["id", "name", "when_to_use", "steps"],
    id=ident("Unique id of the skill."),
    name=text("Name of the skill, e.g. 'Box breathing'. Without < or > characters.", pattern=NO_TAGS),
    when_to_use=text("When this skill helps."),
    steps={**texts("The steps, in order, one short sentence each."), "minItems": 1},
    time_needed=text("How long one practice takes, e.g. '5 minutes'."),
    how_often=text("How often to practice, e.g. 'Twice a day'."),
    source=SOURCE,
)


def use_or(item: dict[str, Any], what: str) -> dict[str, Any]:
    use = obj(f"Use a shared {what} from content/library/ by its id.", ["use"],
              use=ident(f"Id of the shared {what}."))
    return {"description": f"A {what} written here, or 'use: <id>' for a shared one.", "anyOf": [use, item]}


SESSION = obj(
    "One session of a program. Every session page is a catch-up page for people who missed it.",
    ["id", "title", "track", "number", "kind", "approach", "duration_minutes", "objectives"],
    id=ident("Unique id of the session; also its web address."),
    title=text("Title shown to participants. Without < or > characters.", pattern=NO_TAGS),
    track=ident("Id of the track in program.yml this session belongs to."),
    number={"type": "integer", "minimum": 1, "description": "Position of the session in its track, from 1."},
    kind={"enum": SESSION_KINDS, "description": "What sort of session this is."},
    approach={"description": "Approach(es) used, e.g. CBT, DBT, mindfulness.",
              "anyOf": [text("One approach."), {**texts("Several approaches."), "minItems": 1}]},
    duration_minutes={"type": "integer", "minimum": 5, "maximum": 480, "description": "Length in minutes."},
    objectives={**texts("What participants will be able to do after the session."), "minItems": 1},
    summary=text("What the session covered, in plain words. Shown first on the catch-up page."),
    key_points=texts("The main points to remember."),
    worksheets=array_of("Worksheets to do at home.", use_or(WORKSHEET, "worksheet")),
    skills_practice=array_of("Skills to practice.", use_or(SKILL, "skill")),
    reflection=texts("Questions to think or write about."),
    before_next_session=texts("What to do before the next session."),
    makeup_options=array_of("Ways to make up this session.", obj(
        "One way to make up a missed session.", ["type", "details"],
        type={"enum": MAKEUP_KINDS, "description": "alternate_group, one_to_one, recording or self_study."},
        details=text("What to do, in plain words."),
        transcript=text("For a recording: where the written transcript is, or how to ask for it."),
    )),
    resources=array_of("Further reading, videos or phone lines.", obj(
        "One resource.", ["title"],
        title=text("Name of the resource."),
        url=URL,
        description=text("What it is and why it helps."),
    )),
    exemptions=obj(
        "Parts of the make-up material this session does not need, each with the reason.", [],
        **{part: text(f"Why this session has no {part.replace('_', ' ')}.") for part in MAKEUP_PARTS},
    ),
    review=obj(
        "Who reviewed the clinical content and when.", ["status"],
        status={"enum": REVIEW_STATUSES, "description": "sample: sample content awaiting clinical review; "
                "draft: being written; approved: reviewed by a clinician."},
        reviewed_by=text("Name and role of the reviewer."),
        reviewed_on=DATE,
    ),
)

SCHEDULE = obj(
    "When the track meets each week.", ["days", "start", "duration_minutes", "timezone"],
    days={"type": "array", "minItems": 1, "items": {"enum": WEEKDAYS},
          "description": "Weekdays, e.g. [monday, wednesday]."},
    start=TIME,
    duration_minutes={"type": "integer", "minimum": 5, "maximum": 480, "description": "Length in minutes."},
    timezone=text("Time zone name, e.g. America/New_York."),
)

CLOSURE = obj(
    "A day with no meeting (or days, with 'until'), and why.", ["date", "reason"],
    date={**DATE, "description": "The day, written YYYY-MM-DD."},
    until={**DATE, "description": "For several days in a row: the last one, written YYYY-MM-DD."},
    reason=text("Why, in a few plain words participants read, e.g. 'Thanksgiving' or 'staff training'."),
)
MOVE = obj(
    "One meeting moved to another day, once.", ["from", "to"],
    **{"from": {**DATE, "description": "The day the group would have met, written YYYY-MM-DD."},
       "to": {**DATE, "description": "The day it meets instead, written YYYY-MM-DD."}},
    start={**TIME, "description": "A time on the 24-hour clock if it is not the usual one, written HH:MM."},
)
SCHEDULE_CHANGE = obj(
    "From a date on, the group meets on other days, at another time or for another length.", ["from"],
    **{"from": {**DATE, "description": "The first day of the new schedule, written YYYY-MM-DD."}},
    days={**SCHEDULE["properties"]["days"], "description": "The new weekdays, e.g. [tuesday, thursday]."},
    start={**TIME, "description": "The new time on the 24-hour clock, written HH:MM."},
    duration_minutes={**SCHEDULE["properties"]["duration_minutes"], "description": "The new length in minutes."},
)

PROGRAM = obj(
    "A treatment program: content/<program>/program.yml.",
    ["id", "title", "description", "audience", "tracks"],
    id=ident("Unique id of the program; also its web address."),
    title=text("Title shown to participants. Without < or > characters.", pattern=NO_TAGS),
    description=text("What the program is, in two or three plain sentences."),
    audience=text("Who the program is for."),
    sample=text("If set, a notice shown on every page of the program (e.g. that it is sample content)."),
    tracks={"type": "array", "minItems": 1, "description": "Groups that run side by side.", "items": obj(
        "A track: a series of sessions with its own weekly schedule.", ["id", "title", "schedule"],
        id=ident("Unique id of the track within the program."),
        title=text("Title shown to participants. Without < or > characters.", pattern=NO_TAGS),
        description=text("What happens in this track."),
        schedule=SCHEDULE,
        order={"enum": ["sequence", "cycle"], "description": "sequence: sessions run once in number order; "
               "cycle: an open group whose topics repeat, so people can join at any point."},
        start_date=DATE,
        closed=array_of("Days this group does not meet, and why (days the whole site is closed go in "
                        "site-config/closures.yml).", CLOSURE),
        moved=array_of("Meetings moved to another day, once.", MOVE),
        schedule_changes=array_of("New weekdays, time or length from a date on.", SCHEDULE_CHANGE),
    )},
)

CONTACT_LINE = obj(
    "A way to get urgent help.", ["name", "when"],
    name=text("Name of the service, e.g. '988 Suicide & Crisis Lifeline'."),
    phone=PHONE,
    text=text("How to reach it by text message, e.g. 'Text HOME to 741741'."),
    url=URL,
    when=text("When to use it, in plain words."),
    hours=text("When it is open, e.g. '24 hours a day, 7 days a week'."),
)

SITE_CONFIG = {
    "site": {**obj(
        "site-config/site.yml: the program-wide settings.", ["name", "organisation"],
        project_format={"type": "integer", "minimum": 1, "maximum": PROJECT_FORMAT,
                        "description": "The Catch-Up project layout this project follows, written by "
                        f"'catchup new'. Leave it as it is (without it: {PROJECT_FORMAT})."},
        name=text("Name of the site, shown in the header. Without <, > or \" characters.", pattern=PLAIN),
        organisation=text("Organisation that runs the programs."),
        language=text("Language of the site as a code, e.g. en. With 'languages', leave it out or make it "
                      "the first of them.", pattern=LANGUAGE_CODE),
        languages={"type": "array", "minItems": 1, "uniqueItems": True, "items": {**LANGUAGE, "description":
                   "A language as a code, e.g. es."}, "description": "The languages of the site, e.g. [en, es]: "
                   "one site in each, from translations beside each file (e.g. program.es.yml). The first is "
                   "the language the files are written in, and the site at the root. Default: [language]."},
        description=text("One sentence about the site, for search engines and link previews. "
                         "Without <, > or \" characters.", pattern=PLAIN),
        url={**URL, "description": "Optional: the address where the site is published, e.g. "
             "https://example.org/catch-up/. Only the 'page not found' page needs it, to link back correctly."},
        quick_exit={"type": "boolean", "description": "true: every page has a 'Leave this site' button (and "
                    "Escape pressed twice) that replaces the page with quick_exit_url, for someone who must "
                    "hide the site fast. Default false."},
        quick_exit_url={**URL, "description": "The neutral site the 'Leave this site' button opens "
                        f"(default {QUICK_EXIT_URL})."},
        offline=with_default({"type": "boolean", "description": "true: each program's page has a button "
                              "'Keep this program on this device for offline use' (a service worker, sw.js, keeps "
                              "the program's pages only after the participant presses it). false: no button, and "
                              "the site's sw.js removes any offline copy kept before and switches itself off: use it "
                              "if the offline copy ever goes wrong."}, True),
        branding=obj("Colours of the site.", [],
                     primary={"enum": COLOURS, "description": "Main colour of the header, e.g. indigo."},
                     accent={"enum": COLOURS, "description": "Colour of links and buttons, e.g. teal."}),
    ), "anyOf": [{"required": ["languages"]}, {"required": ["language"]}]},  # one of the two at least
    "urgent-help": obj(
        "site-config/urgent-help.yml: shown in the same place on every page.", ["headline", "lines"],
        headline=text("One short line shown on every page, e.g. 'In danger now? Call 911.'"),
        lines={**array_of("Crisis lines and emergency numbers.", CONTACT_LINE), "minItems": 1},
    ),
    "contacts": obj(
        "site-config/contacts.yml: whom participants tell about an absence, and tech help.", ["absence", "tech_help"],
        absence=obj("How to report an absence.", ["who", "hours"],
                    who=text("Who to tell, e.g. 'Your program coordinator'."),
                    phone=PHONE, email=EMAIL, portal_url=URL,
                    hours=text("When someone answers."),
                    note=text("Anything else to say, e.g. 'Leave a message any time.'")),
        tech_help=obj("Help when video or the internet fails.", ["steps"],
                      phone=PHONE, email=EMAIL,
                      hours=text("When tech help answers."),
                      phone_fallback=text("How to join a session by phone when video fails."),
                      steps={**texts("Troubleshooting steps, in order."), "minItems": 1}),
    ),
    "policies": obj(
        "site-config/policies.yml: attendance and make-up policy.", ["attendance", "makeup"],
        attendance=text("The attendance policy, in plain words."),
        makeup=text("How missed sessions are made up, in plain words."),
    ),
    "between-sessions": obj(
        "site-config/between-sessions.yml: staying connected between sessions.", ["intro"],
        intro=text("A short welcome to this page."),
        support_groups=array_of("Support groups participants can join.", obj(
            "A support group.", ["name", "description"],
            name=text("Name of the group. Without < or > characters.", pattern=NO_TAGS),
            description=text("What it is and who it is for."),
            url=URL, phone=PHONE, when=text("When it meets."))),
        peer_contact_guidelines=texts("Guidelines for contact between participants."),
    ),
    "closures": obj(
        "site-config/closures.yml (optional): days no group of any program meets, such as holidays.", ["closures"],
        closures=array_of("Days every group is closed, and why.", CLOSURE),
    ),
    "checks": obj(
        "site-config/checks.yml (optional): what the checker expects. Leave a setting out to keep its default.", [],
        makeup=obj(
            "Which make-up parts a session needs.", [],
            required={"type": "array", "items": {"enum": list(MAKEUP_PARTS)}, "uniqueItems": True,
                      "default": list(MAKEUP_PARTS),
                      "description": "Parts every session needs unless its kind is listed under by_kind. "
                      f"Default: [{', '.join(MAKEUP_PARTS)}]."},
            by_kind={"type": "object", "additionalProperties": False, "description":
                     "Parts needed by one kind of session, e.g. 'support: [summary]'.",
                     "properties": {kind: {"type": "array", "items": {"enum": list(MAKEUP_PARTS)}, "uniqueItems": True,
                                           "description": f"Parts a {kind} session needs."}
                                    for kind in SESSION_KINDS}},
        ),
        reading_level=obj(
            "The plain-language check.", [],
            max_grade=with_default({"type": "number", "minimum": 1, "maximum": 20,
                                    "description": "Highest US school grade allowed for a session's text."}, 8),
            glossary=texts("Words and names the program teaches, counted as easy words, e.g. 'opposite action'."),
            spanish=obj(
                "The plain-language check of text in Spanish (a Spanish site, or the Spanish translations), "
                "measured with the Fernandez-Huerta formula.", [],
                min_score=with_default({"type": "number", "minimum": 0, "maximum": 100, "description":
                                        "Lowest Fernandez-Huerta reading ease allowed, 0 to 100, higher is "
                                        "easier: 60 to 70 reads like US grade 7 or 8, 70 to 80 like grade 6."}, 60),
                glossary=texts("Spanish words and names the program teaches, counted as easy words, e.g. "
                               "'acción opuesta'."),
            ),
        ),
        review=obj(
            "The clinical review check.", [],
            max_age_days=with_default({"type": "integer", "minimum": 1, "maximum": 36500,
                                       "description": "How many days a clinical review stays current."}, 365),
        ),
    ),
}


# Translations: <stem>.<code>.yml beside its source holds the source's participant-facing text in
# another language, in the same shape. These keys are translated wherever they are; every other
# key (ids, numbers, kinds, schedules, dates, phones, ...) comes from the source and is left out.
TRANSLATED = frozenset({
    "title", "name", "organisation", "approach", "summary", "objectives", "key_points", "purpose", "instructions",
    "prompts", "text", "low", "high", "when_to_use", "steps", "time_needed", "how_often", "source", "reflection",
    "before_next_session", "details", "transcript", "description", "audience", "sample", "headline", "when",
    "hours", "who", "note", "phone_fallback", "attendance", "makeup", "intro", "peer_contact_guidelines", "reason",
})
NOT_TRANSLATED = frozenset({"schedule", "closed", "moved", "schedule_changes", "exemptions", "review", "branding"})
# Items of these lists may give the address of the same resource in the translation's language.
TRANSLATED_URL = frozenset({"resources", "lines", "support_groups"})
TRANSLATION_REVIEW = ["needs-review", "reviewed"]
DIGEST_PATTERN = "^[0-9a-f]{12}(?!\\n)$"
TRANSLATION_BLOCK = obj(
    "About this translation.", ["review"],
    source=text("The digest of the source's text this translation was made from, written by 'catchup "
                "translations --mark-current FILE' after a review. Leave it out in a new translation.",
                pattern=DIGEST_PATTERN),
    review={"enum": TRANSLATION_REVIEW, "description": "needs-review: not yet checked by a qualified translator; "
            "reviewed: checked by one."},
)


def translated(schema: dict[str, Any], key: str = "", parent: str = "") -> dict[str, Any] | None:
    """The part of a source's schema a translation holds: its translated text, in the same shape
    (None: nothing to translate here). ``key`` names the field, ``parent`` the list it is an item of."""
    if key in NOT_TRANSLATED:
        return None
    if schema.get("required") == ["use"]:
        return schema  # '- use: <id>' is copied as it is: it keeps the lists aligned
    if "anyOf" in schema and "type" not in schema:  # one of several forms (site.yml's anyOf: required keys)
        forms = [form for form in (translated(f, key, parent) for f in schema["anyOf"]) if form is not None]
        return {"description": schema["description"], "anyOf": forms} if forms else None
    if schema.get("type") == "object":
        fields = {name: translated(sub, name, key) for name, sub in schema["properties"].items()}
        if parent in TRANSLATED_URL and "url" in schema["properties"]:
            fields["url"] = {**URL, "description": "The address of the same resource in this language, if any."}
        kept = {name: sub for name, sub in fields.items() if sub is not None}
        return obj(schema["description"], [], **kept) if kept else None
    if schema.get("type") == "array":
        item = translated(schema["items"], key, key)
        return {"type": "array", "description": schema["description"], "items": item} if item else None
    return schema if key in TRANSLATED and schema.get("type") == "string" else None


def translation_schemas() -> dict[str, dict[str, Any]]:
    """What a translation of each kind of file may hold, by the schema name of its source."""
    sources = {"session": (SESSION, "a session"), "program": (PROGRAM, "a program.yml"),
               "worksheet": (WORKSHEET, "a shared worksheet"), "skill": (SKILL, "a shared skill"),
               **{f"site-config-{name}": (schema, f"site-config/{name}.yml") for name, schema in SITE_CONFIG.items()
                  if name != "checks"}}
    found = {}
    for name, (schema, what) in sources.items():
        shape = translated(schema)
        assert shape is not None, name
        shape["description"] = f"A translation of {what}: its text in another language, in the same shape."
        shape["properties"] = {"translation": TRANSLATION_BLOCK, **shape["properties"]}
        shape["required"] = ["translation"]
        found[name] = shape
    return found


def complete(data: Any, schema: dict[str, Any]) -> Any:
    """A plain copy of valid ``data`` where every optional field left out is present with its
    default, or as None (an empty list for lists), so templates can test ``{% if field %}`` on any field."""
    if isinstance(data, dict) and schema.get("type") == "object":
        properties = schema.get("properties", {})
        return {key: complete(data[key], sub) if key in data else
                copy.deepcopy(sub.get("default", [] if sub.get("type") == "array" else None))
                for key, sub in properties.items()}
    if isinstance(data, list) and schema.get("type") == "array":
        return [complete(item, schema.get("items", {})) for item in data]
    return data


def all_schemas() -> dict[str, dict[str, Any]]:
    """Every published schema by file stem, with $schema and $id filled in."""
    named = {"session": SESSION, "program": PROGRAM, "worksheet": WORKSHEET, "skill": SKILL}
    named.update({f"site-config-{key}": value for key, value in SITE_CONFIG.items()})
    return {
        name: {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{BASE}{name}.schema.json",
               "title": name.replace("-", " ").capitalize(), **schema}
        for name, schema in named.items()
    } | {"translation": _translation_schema()}


def _translation_schema() -> dict[str, Any]:
    """translation.schema.json: one file for every translation (editors pick the form that fits)."""
    kinds = translation_schemas()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{BASE}translation.schema.json",
            "title": "Translation", "description": "A translation beside its source, e.g. program.es.yml beside "
            "program.yml: the source's text in another language, in the same shape.",
            "anyOf": [{"$ref": f"#/$defs/{name}"} for name in kinds], "$defs": kinds}


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema as ``<name>.schema.json``; only files whose content changed are rewritten."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in all_schemas().items():
        path = folder / f"{name}.schema.json"
        content = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return written
