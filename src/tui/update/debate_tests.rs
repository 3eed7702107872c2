//! Unit tests of the debate actions: quoting, pinning, the stack, positions and timeline.
