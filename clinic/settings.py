"""Settings from the environment (and ``.env`` through python-dotenv), with safe local defaults.

Everything that differs between the developer's laptop and the clinic's server lives here, so the
rest of the code never reads ``os.environ`` itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dotenv import load_dotenv

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'var' / 'clinic.db'}"


@dataclass(frozen=True)
class Settings:
    """What the knowledge layer and the actions need to know about this deployment."""

    database_url: str
    clinic_name: str
    clinic_phone: str
    urgent_line: str
    emergency_number: str
    crisis_line: str
    log_level: str
    crisis_line_texts: bool = False  # whether the crisis line also takes text messages (988 does)
    callback_within: str = "within one working day"

    @property
    def placeholders(self) -> dict[str, str]:
        """Values that content texts may name as ``{clinic_phone}`` and so on."""
        return {
            "clinic_name": self.clinic_name,
            "clinic_phone": self.clinic_phone or "the clinic",
            "urgent_line": self.urgent_line or self.clinic_phone or "the clinic",
            "emergency_number": self.emergency_number,
            "crisis_line": self.crisis_line,
            "crisis_contact": (f"call or text {self.crisis_line}" if self.crisis_line_texts
                               else f"call {self.crisis_line}"),
            "crisis_contact_es": (f"llame o envíe un mensaje de texto al {self.crisis_line}" if self.crisis_line_texts
                                  else f"llame al {self.crisis_line}"),
            "callback_within": self.callback_within,
            "front_desk": f"the front desk at {self.clinic_phone}" if self.clinic_phone else "the clinic's front desk",
            # With no number configured, say what to do instead of naming a line nobody can dial.
            "urgent_contact": (
                f"the clinic's urgent line at {self.urgent_line}" if self.urgent_line
                else f"the clinic at {self.clinic_phone}" if self.clinic_phone
                else "your surgical team (the number on your discharge papers)"
            ),
            "front_desk_es": (f"la recepción de la clínica al {self.clinic_phone}" if self.clinic_phone
                              else "la recepción de la clínica"),
            "urgent_contact_es": (
                f"la línea urgente de la clínica al {self.urgent_line}" if self.urgent_line
                else f"la clínica al {self.clinic_phone}" if self.clinic_phone
                else "su equipo quirúrgico (el número de sus papeles de alta)"
            ),
        }


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Read ``.env`` once (real environment variables win) and return the settings."""
    load_dotenv(ROOT / ".env", override=False)
    clinic_phone = _env("CLINIC_PHONE", "")
    return Settings(
        database_url=_env("DATABASE_URL", DEFAULT_DATABASE_URL),
        clinic_name=_env("CLINIC_NAME", "the Facial Reanimation Clinic"),
        clinic_phone=clinic_phone,
        urgent_line=_env("CLINIC_URGENT_LINE", ""),
        emergency_number=_env("EMERGENCY_NUMBER", "911"),
        crisis_line=_env("CRISIS_LINE", "988"),
        log_level=_env("LOG_LEVEL", "INFO").upper(),
        # The US 988 line takes texts; elsewhere say "call" unless the clinic confirms texts work.
        crisis_line_texts=_env("CRISIS_LINE_TEXTS", "yes" if _env("CRISIS_LINE", "988") == "988" else "no").lower()
        in {"1", "yes", "true", "on"},
        callback_within=_env("CALLBACK_WITHIN", "within one working day"),
    )


@dataclass(frozen=True)
class SiteSettings:
    """The clinic's website and its chat widget: where the demo page listens, which site origins
    may open the widget's socket, the secret that signs widget sessions, and where the page's
    widget finds the assistant."""

    host: str
    port: int
    origins: tuple[str, ...]
    session_secret: str
    assistant_url: str


@lru_cache(maxsize=1)
def get_site_settings() -> SiteSettings:
    load_dotenv(ROOT / ".env", override=False)
    host = _env("SITE_HOST", "127.0.0.1")
    port = int(_env("SITE_PORT", "8080"))
    default_origins = f"http://127.0.0.1:{port},http://localhost:{port}"
    origins = tuple(o.strip().rstrip("/") for o in _env("CLINIC_SITE_ORIGINS", default_origins).split(",") if o.strip())
    return SiteSettings(
        host=host,
        port=port,
        origins=origins,
        session_secret=_env("WEB_SESSION_SECRET", ""),
        assistant_url=_env("ASSISTANT_PUBLIC_URL", f"http://127.0.0.1:{_env('RASA_PORT', '5005')}"),
    )
