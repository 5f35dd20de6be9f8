"""The plugin's options are declared once (`timeline/options.py`): MkDocs validates the same
names, defaults and choices, and the core's option classes start from the same defaults."""

from __future__ import annotations

import dataclasses

from timeline_mkdocs.config import TimelineConfig

from timeline.exports.options import ExportOptions
from timeline.options import DEFAULTS, OPTIONS
from timeline.views.pages import SiteOptions


def test_mkdocs_validates_every_option_with_its_default():
    config = TimelineConfig()
    config.load_dict({})
    failed, warnings = config.validate()
    assert failed == [] and warnings == []
    assert dict(config) == DEFAULTS
    assert len(DEFAULTS) == len(OPTIONS)  # no name twice


def test_a_wrong_value_is_refused_naming_the_option():
    for name, value, said in [("order", "sideways", "oldest"), ("feed_limit", "ten", "int")]:
        config = TimelineConfig()
        config.load_dict({name: value, "timelinejs_group": "era"})
        failed, _ = config.validate()
        assert [option for option, _ in failed] == [name]
        assert said in str(failed[0][1])  # the choices, or the type, are named


def test_the_core_option_classes_share_the_defaults():
    for cls in (SiteOptions, ExportOptions):
        for field in dataclasses.fields(cls):
            if field.name in DEFAULTS and field.name != "language":  # chosen by the theme
                assert field.default == DEFAULTS[field.name], (cls.__name__, field.name)
