"""Site stage: what the render stage made, written to disk and built into the static site.

``write`` puts the Markdown and files into ``.catchup/`` (only what changed; never one path
twice), ``mkdocs_config`` writes the MkDocs configuration for the build, ``mkdocs_run`` runs
MkDocs on it, ``offline`` adds the service worker and the lists of what each program's offline
copy keeps to the built site, ``build`` is the whole pipeline as a script, and ``preview`` is what
``catchup serve`` rebuilds on every save.
"""
