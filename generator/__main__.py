"""Allow ``python -m generator ...`` to work exactly like ``catchup ...``."""

import sys

from generator.cli import main

sys.exit(main())
