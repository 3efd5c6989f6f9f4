from analyser.cli import main

main()
