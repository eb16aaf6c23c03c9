"""Widgets: one package per process tab, plus shared widgets in ``views.widgets``."""
