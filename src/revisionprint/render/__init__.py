"""Renderers: one module per product, plus the furniture, fonts and fitting they share.

Everything here imports ReportLab; nothing outside render/ does, so that
`revisionprint --help` and validation start instantly.
"""
