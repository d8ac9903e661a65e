// Tests for QueryBinding.
