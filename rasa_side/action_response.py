"""Checking the action server's response without re-checking the schema itself on every turn.

Profiling the Rasa server (py-spy, README "One turn") showed half of its time per turn inside
``RemoteAction._validate_action_result``: it calls ``jsonschema.validate``, which first validates
the response *schema* against its meta-schema, on every call, and only then the response. The
schema is a constant, so ``install`` builds its validator once and checks each response with it:
the same errors for a malformed response, without the repeated meta-schema check.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

_MARK = "_clinic_compiled"


@lru_cache(maxsize=1)
def response_validator() -> Validator:
    """The validator of Rasa's action response format, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    """``RemoteAction._validate_action_result`` with the compiled validator (same errors)."""
    try:
        response_validator().validate(result)
    except ValidationError as error:
        error.message += ". Failed to validate Action server response from API (see rasa_side/action_response.py)"
        raise
    return True


def install() -> None:
    """Use the compiled validator for every custom action of this process (idempotent)."""
    if not getattr(RemoteAction._validate_action_result, _MARK, False):
        setattr(validate_action_result, _MARK, True)
        RemoteAction._validate_action_result = validate_action_result
