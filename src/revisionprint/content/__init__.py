"""Topic files: read, validate, and turn into the plain model."""

from .topic import load_topic, load_topics, read_topic

__all__ = ["load_topic", "load_topics", "read_topic"]
