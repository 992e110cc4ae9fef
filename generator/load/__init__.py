"""Load stage: every YAML file of a project read into one in-memory curriculum.

``read`` reads one file at a time (parse with positions, ``yamlsource``; validate against the
schema, ``validate``; find the pictures and PDFs it links to, ``attachments``), with a cache;
``curriculum`` puts the files together into the model and links each ``use: <id>`` to the shared
item it names; ``pictures`` measures the pictures the text links to. Nothing is written here but
the read cache. Every problem found on the way is a value (``reader_rules``), and the run goes on
with the other files.
"""

from __future__ import annotations

from generator.load.curriculum import Loaded, load
from generator.load.read import ReadCache, no_garbage_collection

__all__ = ["Loaded", "ReadCache", "load", "no_garbage_collection"]
