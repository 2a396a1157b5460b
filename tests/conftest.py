"""Enables the plugin-author fixtures (``organization_factory``) of servicecodex.testing."""

pytest_plugins = ["servicecodex.testing"]
