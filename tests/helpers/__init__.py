"""What the tests share (servers, profiles, drivers of the window and the CLI), never tests
themselves: a test imports from here, not from another test module (test_test_layout.py)."""
