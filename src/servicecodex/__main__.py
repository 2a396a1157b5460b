"""``python -m servicecodex``: the same as the ``servicecodex`` command."""

from servicecodex._cli import main

raise SystemExit(main())
