from onestop_desktop.cli import main

raise SystemExit(main())
