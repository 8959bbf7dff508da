"""Reports: the JSON contract and its renderings."""

from .contract import SCHEMA_NAME, build_report, report_schema, validate_report, write_json

__all__ = ["SCHEMA_NAME", "build_report", "report_schema", "validate_report", "write_json"]
