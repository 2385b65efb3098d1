// The `lessons` command line (written with issue 2).
print("lessons: not implemented yet")
