"""One module per ``catchup`` command (as MkDocs' ``commands/``): each has ``run(args) -> exit code``.

``generator.cli`` parses the command line and imports only the module of the command it runs,
so ``catchup check`` never loads the renderer, Jinja2, Markdown, MkDocs or icalendar.
"""

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
