"""Printed documents (ReportLab): Thai text layout, memo, external letter, registers, forms. No Qt
and no database here: builders take plain data and return PDF bytes."""
