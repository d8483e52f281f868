"""Parsing: finding stanza models (nlp.models) and the light document view (nlp.document)."""
