"""The words the participant's scripts show, by key (templates/theme/assets/javascripts/catchup/).

A script never holds a word of its own: it asks ``CatchUp.word(key, values)`` (store.js), which
reads these, translated into the page's language, from the page itself (main.html writes them as
JSON). ``{name}`` marks a value the script fills in. Each message is in the gettext catalogs
(``N_`` marks it for ``pybabel extract``); tests/test_interface_catalog.py checks that every key a
script asks for is here.
"""

from __future__ import annotations

from generator.render.i18n import N_

SCRIPT_WORDS: dict[str, str] = {
    # store.js: the save choice and "Clear everything"
    "storage-blocked": N_("This browser does not let sites save anything. Your ticks and answers are kept only "
                          "while this page is open."),
    "saved-here": N_("Saved on this device. Only this browser keeps it."),
    "not-saved": N_("This browser would not save. Your ticks and answers are kept only while this page is open."),
    "saving-off": N_("Saving is off. What was saved on this device has been removed."),
    "cleared-all": N_("Everything this site saved on this device has been removed."),
}
