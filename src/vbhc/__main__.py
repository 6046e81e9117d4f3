from vbhc.cli import main

main()
