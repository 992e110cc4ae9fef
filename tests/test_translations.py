"""Translations: real YAML in (the good example with Spanish translations), and what the renderer
gets from localize(), what catchup translations prints and what --mark-current writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.load import load
from generator.load.translations import localize
from generator.project import Project
from helpers import EXAMPLES, REPO, make_project

SESSION_ES = "content/demo/sessions/skills-2.es.yml"
SKILL_ES = "content/library/skills/box-breathing.es.yml"


@pytest.fixture
def spanish(tmp_path: Path) -> Path:
    """The demo project in English and Spanish, with three translations marked current."""
    return make_project(tmp_path / "p", EXAMPLES / "good" / "translations")


def loaded(root: Path):  # type: ignore[no-untyped-def]
    return load(Project(root)).curriculum


def session(curriculum, session_id: str):  # type: ignore[no-untyped-def]
    return next(s for p in curriculum.programs for s in p.sessions if s.id == session_id)


def test_localize_puts_the_translated_text_in_place_and_keeps_ids_numbers_and_schedules(spanish: Path) -> None:
    curriculum = loaded(spanish)
    es = localize(curriculum, "es").curriculum
    thoughts = session(es, "skills-2")
    assert (thoughts.id, thoughts.number, thoughts.track, thoughts.kind) == ("skills-2", 2, "skills", "group")
    assert thoughts.title == "Pensamientos" and thoughts.approaches == ["TCC"]
    assert thoughts.summary.startswith("Vimos los pensamientos.")
    worksheet = thoughts.worksheets[0]
    assert worksheet.id == "thought-note" and worksheet.title == "Nota de pensamiento"
    assert [(p.text, p.answer, p.low, p.high) for p in worksheet.prompts] == [
        ("¿Cuál fue el pensamiento?", "text", None, None),
        ("¿Qué tan fuerte fue el sentimiento?", "rating", "nada", "muy fuerte")]
    assert thoughts.skills[0].name == "Nómbrelo" and thoughts.skills[0].time_needed == "1 minuto"
    assert thoughts.resources[0] == {"title": "El NIMH sobre la ansiedad", "description": "Datos claros sobre la ansiedad.",
                                     "url": "https://www.nimh.nih.gov/health/publications/espanol"}
    assert thoughts.resources[1]["url"] is None and thoughts.review["status"] == "approved"
    # a shared skill takes its own translation, in every session that uses it, as one object
    breathing = session(es, "skills-1").skills[0]
    assert breathing.name == "Respiración en caja" and breathing is es.library.skills["box-breathing"]
    assert breathing.steps[0] == "Inhale contando hasta 4." and breathing.how_often == "Dos veces al día"
    assert es.programs[0].tracks[0].schedule == curriculum.programs[0].tracks[0].schedule
    assert es.config["urgent_help"]["headline"] == "¿En peligro ahora? Llame al 911."
    assert es.config["urgent_help"]["lines"][0]["phone"] == "911"  # from the source
    assert es.config["site"]["language"] == "es" and es.config["site"]["languages"] == ["en", "es"]


def test_localize_changes_nothing_in_the_curriculum_it_is_given(spanish: Path) -> None:
    curriculum = loaded(spanish)
    localize(curriculum, "es")
    assert session(curriculum, "skills-2").title == "Thoughts"
    assert curriculum.library.skills["box-breathing"].name == "Box breathing"
    assert curriculum.config["urgent_help"]["headline"] == "In danger now? Call 911."
    assert curriculum.config["site"]["language"] == "en"


def test_in_the_first_language_localize_gives_the_curriculum_itself(spanish: Path) -> None:
    curriculum = loaded(spanish)
    english = localize(curriculum, "en")
    assert english.curriculum is curriculum and english.untranslated == frozenset()


def test_untranslated_names_every_page_without_a_usable_translation(spanish: Path) -> None:
    localized = localize(loaded(spanish), "es")
    assert localized.untranslated == {
        ("program", "demo"), ("session", "demo", "skills-1"), ("session", "demo", "support-1"),
        ("worksheet", "breath-log"), ("site-config", "site"), ("site-config", "contacts"),
        ("site-config", "policies"), ("site-config", "between-sessions")}


def test_a_translation_with_a_structure_error_is_not_used(spanish: Path) -> None:
    path = spanish / SKILL_ES
    path.write_text(path.read_text(encoding="utf-8").replace("  - Exhale contando hasta 4.\n", ""), encoding="utf-8")
    localized = localize(loaded(spanish), "es")
    assert localized.curriculum.library.skills["box-breathing"].name == "Box breathing"
    assert ("skill", "box-breathing") in localized.untranslated
    assert session(localized.curriculum, "skills-2").title == "Pensamientos"  # the others still are


def test_translated_text_is_read_as_source_text_is_a_picture_link_included(spanish: Path) -> None:
    shutil.copyfile(EXAMPLES / "bad" / "advice" / "content" / "demo" / "sessions" / "diagram.png",
                    spanish / "content/demo/sessions/diagrama.png")
    path = spanish / SESSION_ES
    path.write_text(path.read_text(encoding="utf-8").replace(
        "summary: |\n", "summary: |\n  ![Un diagrama](diagrama.png)\n\n"), encoding="utf-8")
    curriculum = loaded(spanish)
    summary = session(localize(curriculum, "es").curriculum, "skills-2").summary
    assert "](catchup-file:files/demo/sessions/diagrama.png)" in summary
    assert "files/demo/sessions/diagrama.png" in curriculum.attachments


def test_a_translation_is_never_read_as_a_session(demo_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In a site with one language, a .es.yml file is a translation in a language it does not have."""
    shutil.copyfile(EXAMPLES / "good" / "translations" / SESSION_ES, demo_project / SESSION_ES)
    assert main(["check", "--root", str(demo_project)]) == 0
    out = capsys.readouterr().out
    assert "is in 'es', which is not one of the site's languages (en)  (translation-unknown-language)" in out
    assert "duplicate" not in out and "schema" not in out and "file-not-read" not in out
    assert len(loaded(demo_project).programs[0].sessions) == 3


@pytest.mark.parametrize(("site", "languages", "language"), [
    ("language: en\n", ["en"], "en"),
    ("languages: [es, en]\n", ["es", "en"], "es"),
    ("language: es\nlanguages: [es, en]\n", ["es", "en"], "es"),
])
def test_language_and_languages_each_follow_from_the_other(demo_project: Path, site: str, languages: list[str],
                                                          language: str) -> None:
    (demo_project / "site-config/site.yml").write_text(f"name: Demo\norganisation: Demo Clinic\n{site}")
    config = loaded(demo_project).config["site"]
    assert (config["languages"], config["language"]) == (languages, language)


def test_a_site_with_neither_language_nor_languages_is_told_to_add_one(demo_project: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (demo_project / "site-config/site.yml").write_text("name: Demo\norganisation: Demo Clinic\n")
    assert main(["check", "--format", "parsable", "--root", str(demo_project)]) == 1
    out = capsys.readouterr().out
    assert "site-config/site.yml:1:1: [error] this file is missing the required field 'language" in out


def test_language_codes_are_checked(demo_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (demo_project / "site-config/site.yml").write_text("name: Demo\norganisation: Demo Clinic\n"
                                                      "languages: [en, Spanish, en]\n")
    assert main(["check", "--format", "parsable", "--root", str(demo_project)]) == 1
    out = capsys.readouterr().out
    assert "site-config/site.yml:3:17: [error] languages[2] is 'Spanish', which is not in the expected form" in out
    assert "site-config/site.yml:3:12: [error] languages holds 'en' more than once (schema-value)" in out


def test_the_table_lists_every_page_by_language(spanish: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translations", "--root", str(spanish)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Page", "es"]
    rows = {line.split()[0]: " ".join(line.split()[1:]) for line in lines[1:12]}
    assert rows == {
        "content/demo/program.yml": "missing", "content/demo/sessions/skills-1.yml": "missing",
        "content/demo/sessions/skills-2.yml": "current, needs review", "content/demo/sessions/support-1.yml": "missing",
        "content/library/skills/box-breathing.yml": "current", "content/library/worksheets/breath-log.yml": "missing",
        "site-config/between-sessions.yml": "missing", "site-config/contacts.yml": "missing",
        "site-config/policies.yml": "missing", "site-config/site.yml": "missing",
        "site-config/urgent-help.yml": "current, needs review"}
    assert lines[-1] == "es: 3 of 11 pages translated (3 current, 0 stale, 0 broken, 8 missing)."


def test_editing_the_source_makes_its_translation_stale_until_marked_current(
        spanish: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = spanish / "content/library/skills/box-breathing.yml"
    source.write_text(source.read_text().replace("Hold for 4.", "Hold your breath for 4."))
    assert main(["translations", "--root", str(spanish)]) == 0  # stale is advice
    assert "content/library/skills/box-breathing.yml   stale" in capsys.readouterr().out
    assert main(["translations", "--strict", "--root", str(spanish)]) == 1
    capsys.readouterr()
    assert main(["check", "--root", str(spanish)]) == 0
    assert "was made from an older text of content/library/skills/box-breathing.yml" in capsys.readouterr().out

    before = (spanish / SKILL_ES).read_text(encoding="utf-8")
    assert main(["translations", "--root", str(spanish), "--mark-current", str(spanish / SKILL_ES)]) == 0
    after = (spanish / SKILL_ES).read_text(encoding="utf-8")
    changed = [(old, new) for old, new in zip(before.splitlines(), after.splitlines()) if old != new]
    assert len(changed) == 1 and len(before.splitlines()) == len(after.splitlines())
    assert changed[0][1].endswith('"   # written by catchup translations --mark-current')
    capsys.readouterr()
    assert main(["translations", "--strict", "--root", str(spanish)]) == 0
    assert "content/library/skills/box-breathing.yml   current" in capsys.readouterr().out


def test_mark_current_writes_a_new_source_line_and_keeps_everything_else(spanish: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = spanish / SESSION_ES
    text = path.read_text(encoding="utf-8")
    without = "# Traducción: Ana\r\n" + text.replace('  source: "4b057d469b0e"\n', "").replace("\n", "\r\n")
    path.write_bytes(without.encode("utf-8"))
    assert main(["check", "--root", str(spanish)]) == 0
    assert "skills-2.es.yml\n  2:1  warning  this translation was never marked current" in \
        capsys.readouterr().out.replace("content/demo/sessions/", "")
    assert main(["translations", "--root", str(spanish), "--mark-current", SESSION_ES]) == 1  # not from the root
    assert "is not a translation Catch-Up reads" in capsys.readouterr().out
    assert main(["translations", "--root", str(spanish), "--mark-current", str(path)]) == 0
    assert capsys.readouterr().out == f"{SESSION_ES}: marked current (source 4b057d469b0e)\n"
    assert path.read_bytes() == without.replace("translation:\r\n", 'translation:\r\n  source: "4b057d469b0e"\r\n').encode()


def test_mark_current_refuses_a_file_that_does_not_parse_or_has_another_shape(
        spanish: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = spanish / SKILL_ES
    broken = path.read_text(encoding="utf-8").replace("name: Respiración", "name: [Respiración")
    path.write_text(broken, encoding="utf-8")
    assert main(["translations", "--root", str(spanish), "--mark-current", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"Error: {SKILL_ES} was not changed: it is not valid YAML (line" in out
    assert path.read_text(encoding="utf-8") == broken
    other = broken.replace("name: [Respiración", "name: Respiración").replace("  - Exhale contando hasta 4.\n", "")
    path.write_text(other, encoding="utf-8")
    assert main(["translations", "--root", str(spanish), "--mark-current", str(path)]) == 1
    assert "its shape differs from its source's (" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == other


def test_the_translation_schema_accepts_the_good_translations_and_refuses_a_bad_one() -> None:
    import jsonschema
    import yaml

    schema = json.loads((REPO / "schema" / "translation.schema.json").read_text(encoding="utf-8"))
    good = sorted((EXAMPLES / "good" / "translations").rglob("*.es.yml"))
    assert len(good) == 3
    for path in good:
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    bad = yaml.safe_load((EXAMPLES / "bad" / "translation-structure" / SKILL_ES).read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


@pytest.mark.parametrize(("word", "count"), [
    ("ayuda", 3), ("día", 2), ("leer", 2), ("país", 2), ("guía", 2), ("hoy", 1), ("muy", 1), ("y", 1), ("que", 1),
    ("ciudad", 2), ("piensa", 2), ("aeropuerto", 5), ("respiración", 4), ("teléfono", 4), ("ahora", 3),
    ("antiinflamatorio", 7), ("desafortunadamente", 8), ("coordinar", 4),
])
def test_spanish_syllables(word: str, count: int) -> None:
    from generator.checks.readability import spanish_syllables

    assert spanish_syllables(word) == count


def test_fernandez_huerta_reading_ease_of_known_sentences() -> None:
    from generator.checks.readability import SpanishGlossary, ease

    glossary = SpanishGlossary.of(())
    # 8 words, 2 sentences, 13 syllables (el pe-rro co-me, la ni-ña le-e un li-bro):
    # 206.84 - 60 x 13/8 - 1.02 x 8/2 = 105.26
    easy = ease(["El perro come. La niña lee un libro."], glossary)
    assert (easy.grade, easy.words, easy.sentences) == (105.3, 8, 2)
    # 1 sentence of 10 words and 35 syllables (la im-ple-men-ta-ción sis-te-má-ti-ca re-quie-re com-pren-sión
    # ex-haus-ti-va de me-ca-nis-mos psi-co-ló-gi-cos sub-ya-cen-tes): 206.84 - 60 x 35/10 - 1.02 x 10 = -13.36
    hard = ease(["La implementación sistemática requiere comprensión exhaustiva de mecanismos psicológicos subyacentes."],
                glossary)
    assert (hard.grade, hard.words, hard.sentences) == (-13.4, 10, 1)
    assert hard.hardest.startswith("La implementación sistemática")
    # a glossary term counts as one short word
    assert ease(["Practique la reestructuración cognitiva."], SpanishGlossary.of(("reestructuración cognitiva",))).grade \
        > ease(["Practique la reestructuración cognitiva."], glossary).grade


@pytest.mark.parametrize(("before", "after"), [
    ("translation:\n  source: 0123456789ab   # old\n  review: reviewed\n",
     'translation:\n  source: "abcdef012345"   # old\n  review: reviewed\n'),
    ("translation:\n  source: 'made by hand' # x\n  review: reviewed\n",
     'translation:\n  source: "abcdef012345" # x\n  review: reviewed\n'),
    ("translation: {review: reviewed, source: x}  # flow\ntitle: Hola\n",
     'translation: {review: reviewed, source: "abcdef012345"}  # flow\ntitle: Hola\n'),
    ("translation: {review: reviewed}\ntitle: Hola\n",
     'translation: {source: "abcdef012345", review: reviewed}\ntitle: Hola\n'),
    ("# about\r\ntranslation:\r\n    review: needs-review\r\ntitle: Hola\r\n",
     '# about\r\ntranslation:\r\n    source: "abcdef012345"\r\n    review: needs-review\r\ntitle: Hola\r\n'),
])
def test_marking_changes_the_source_line_only(before: str, after: str) -> None:
    from generator.load.translation_mark import marked

    assert marked(before, "abcdef012345") == after
    assert marked(after, "abcdef012345") == after


@pytest.mark.parametrize(("languages", "flagged"), [("[en]", True), ("[es]", False)])
def test_todo_is_a_placeholder_in_english_and_a_word_in_spanish(tmp_path: Path, languages: str, flagged: bool) -> None:
    """'todo' ('all') is a Spanish word: in a site written in Spanish, only TODO in capitals is a placeholder."""
    from generator.checks import check_project

    root = make_project(tmp_path / "p")
    site = root / "site-config" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("language: en", f"languages: {languages}"),
                    encoding="utf-8")
    session = root / "content/demo/sessions/skills-1.yml"
    session.write_text(session.read_text(encoding="utf-8").replace(
        "summary: We practised slow breathing.", "summary: Practicamos todo el día. TODO revisar."), encoding="utf-8")
    found = [p.message for p in check_project(Project(root)).problems if p.rule == "text-placeholder"]
    assert len(found) == 1, found  # one finding per text: its first placeholder
    assert ("'todo'" if flagged else "'TODO'") in found[0]
