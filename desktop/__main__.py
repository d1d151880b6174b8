"""`python -m desktop` runs the CLI."""

import sys

from desktop.cli import main

sys.exit(main())
