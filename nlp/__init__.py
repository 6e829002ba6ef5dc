"""The clinic's own language resources: vocabulary, spaCy pipeline builder, red-flag rules.

Nothing here imports Rasa; the Rasa component that wraps the red-flag rules lives in
``nlp/red_flag_component.py`` and is the only bridge.
"""
