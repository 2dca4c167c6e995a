"""One test per attack of the adversarial review (issue 12), each against real loopback servers."""
