"""``python -m gijiroku`` runs the command line."""

import sys

from gijiroku.cli import main

sys.exit(main())
