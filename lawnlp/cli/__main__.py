"""``python -m lawnlp.cli``."""

import sys

from lawnlp.cli import main

sys.exit(main())
