"""What acting on reports needs, whether in a conversation or in a job the scheduler runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.routing import Router
from storage.crypto import ContactCipher
from storage.models import Report


@dataclass(frozen=True)
class EscalationDelays:
    """How long an alert may wait unacknowledged before it goes again."""

    urgent: dt.timedelta = dt.timedelta(minutes=5)
    other: dt.timedelta = dt.timedelta(minutes=60)

    def after(self, report: Report) -> dt.timedelta:
        return self.urgent if report.urgent else self.other


@dataclass(frozen=True)
class Office:
    db: AsyncSession
    cipher: ContactCipher
    router: Router
    escalation: EscalationDelays
    now: dt.datetime
