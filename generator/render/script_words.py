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
    # finder.js: the session finder's answers ({group}: a group's name, {date}: a day written out
    # in the page's language, {session}: a session's name, {list}/{page}: a link)
    "finder-choose-program": N_("Choose your program"),
    "finder-choose-group": N_("Choose your group"),
    "finder-missing": N_("Please choose your program, your group and the day you missed."),
    "finder-no-date": N_("Please enter the day you missed, for example 2027-01-12."),
    "finder-session": N_("session {number}: {title}"),
    "finder-open": N_("Open the catch-up page for session {number}"),
    "finder-list-link": N_("the list of sessions"),
    "finder-program-page-link": N_("your program's page"),
    "finder-found-past": N_("On {date}, the {group} had {session}."),
    "finder-found-ahead": N_("On {date}, the {group} has {session}."),
    "finder-closed": N_("The {group} did not meet on {date}: {reason}."),
    "finder-next-ahead": N_("Its next meeting is on {date}: {session}."),
    "finder-next-past": N_("Its next meeting was on {date}: {session}."),
    "finder-beyond": N_("We know the {group}'s sessions up to {date}. Ask your team about later days, "
                        "or pick from {list}."),
    "finder-other-day": N_("The {group} did not meet on {date}. It meets {when}."),
    "finder-last-before": N_("Its last meeting before that day was on {date}: {session}."),
    "finder-before-start": N_("The {group} starts on {date}, so it had not met yet on that day. Check the day, "
                              "or pick from {list}."),
    "finder-after-end": N_("The {group} had finished by that day. Its last meeting was on {date}: {session}. "
                           "Ask your team which group you are in now, or pick from {list}."),
    "finder-no-start": N_("We do not know when the {group} started, so we cannot work out the session. "
                          "Please pick it from {list}."),
    "finder-not-loaded": N_("Sorry, the list of sessions could not be loaded. Please pick the session from {page}."),
    # checklist.js: a session's badge on the program page, and the program's progress
    "checklist-caught-up": N_("Caught up"),
    "checklist-steps-done": N_("{done} of {total} steps done"),
    "checklist-progress-one": N_("You have caught up on {done} of {total} session. This is saved on this device only."),
    "checklist-progress-other": N_("You have caught up on {done} of {total} sessions. "
                                   "This is saved on this device only."),
    "checklist-not-saving": N_("Tick the steps on a session page and choose to save them on this device: "
                               "your progress then shows here."),
    # worksheets.js: a worksheet's buttons, and the text file of its answers
    "worksheet": N_("Worksheet"),
    "answers-from": N_("From: {page}"),
    "answers-written-on": N_("Written on: {date}"),
    "no-answer": N_("(no answer)"),
    "answers-file": N_("{worksheet}-answers.txt"),
    "answers-cleared": N_("Your answers to this worksheet have been cleared."),
    "answers-downloaded": N_("Your answers are in the file {file}, in your downloads."),
    # logs.js: a log's entries ({date}: a day written out in the page's language)
    "log-cancel": N_("Cancel the change"),
    "log-not-changed": N_("Nothing was changed."),
    "log-edit": N_("Edit"),
    "log-delete": N_("Delete"),
    "log-edit-label": N_("Edit the entry of {date}"),
    "log-delete-label": N_("Delete the entry of {date}"),
    "log-save-changes": N_("Save changes"),
    "log-deleted": N_("The entry of {date} was deleted."),
    "log-changed": N_("The entry of {date} was changed."),
    "log-added": N_("Your entry of {date} was added."),
    "log-empty": N_("No entries yet."),
    "log-incomplete": N_("Write the day (for example 2027-03-05) and at least one answer, then add the entry."),
    "log-nothing-to-print": N_("There are no entries to print yet."),
    "log-day": N_("Day"),
    "log-week": N_("From {first} to {last}"),
    # mine.js: My catch-up ({session}: a link to the session, {group}: its group's name)
    "mine-session": N_("Session {number}: {title}"),
    "mine-caught-up": N_("{session} ({group}): caught up."),
    "mine-steps-done": N_("{session} ({group}): {done} of {total} steps done."),
    "mine-not-started": N_("{session} ({group}): not started."),
    "mine-answers-in": N_("Answers in: {worksheets}."),
    "mine-progress-one": N_("You caught up on {done} of {count} session."),
    "mine-progress-other": N_("You caught up on {done} of {count} sessions."),
    "mine-nothing-saved": N_("Nothing is saved on this device yet. Tick the steps on a session page and choose to "
                             "save them: your progress then shows here."),
    "mine-bring": N_("To bring to my next session"),
    "mine-bring-questions": N_("My questions"),
    # mine.js: the file "Download everything" makes (a web page), and loading it back
    "mine-file-name": N_("my-catch-up-{program}.html"),
    "mine-file-title": N_("My catch-up: {program}"),
    "mine-file-saved-on": N_("Saved on {date}. Load this file on the My catch-up page to put it back on a device."),
    "mine-file-steps": N_("{done} of {total} catch-up steps done."),
    "mine-file-label": N_("{label}:"),
    "mine-file-entry": N_("{worksheet}, {date}"),
    "mine-file-safety-plan": N_("My safety plan"),
    "mine-file-questions": N_("Questions for my group leader"),
    "mine-file-others-one": N_("Also in this file, from other programs on this site: {count} item."),
    "mine-file-others-other": N_("Also in this file, from other programs on this site: {count} items."),
    "mine-downloaded": N_("Everything saved is in the file {file}, in your downloads."),
    "mine-not-a-copy": N_("This file is not a copy made by Download everything."),
    "mine-too-large": N_("This file is too large to be a copy made by Download everything."),
    "mine-preview-steps-one": N_("This file has catch-up steps for {count} session."),
    "mine-preview-steps-other": N_("This file has catch-up steps for {count} sessions."),
    "mine-preview-answers-one": N_("It has answers or log entries for {count} session."),
    "mine-preview-answers-other": N_("It has answers or log entries for {count} sessions."),
    "mine-preview-replaces": N_("Loading it replaces what this device keeps for those sessions, and saves your "
                                "ticks and answers on this device from now on."),
    "mine-restored": N_("Your copy is back on this device."),
    "mine-restored-part-one": N_("Only part of your copy could be put back: this device has no room for {count} item, "
                                 "or does not let sites save."),
    "mine-restored-part-other": N_("Only part of your copy could be put back: this device has no room for {count} "
                                   "items, or does not let sites save."),
    # menu.js: the theme's menu button, for a screen reader
    "menu": N_("Menu"),
}
