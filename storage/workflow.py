"""Where a report's status may go: one table keyed by the current status, and the gate that enforces it.

Every status change asks `check_status_change`; the open and closed groups every query uses are defined
here beside the table.
"""

from __future__ import annotations

from storage.models import EventKind, ReportStatus

S = ReportStatus

OPEN_STATUSES = (S.RECEIVED, S.REFERRED, S.ACKNOWLEDGED, S.IN_PROGRESS, S.NEED_INFO)
UNACKNOWLEDGED = (S.RECEIVED, S.REFERRED)  # nobody has taken it yet: its alert escalates
CLOSED_STATUSES = tuple(status for status in ReportStatus if status not in OPEN_STATUSES)

_CLOSING = (S.RESOLVED, S.REFERRED, S.DUPLICATE, S.REJECTED)  # open to any of these; a referral may go on
# The changes officers make (and a patrol's report, taken as acknowledged), keyed by the current status.
ALLOWED_STATUS_CHANGES: dict[ReportStatus, frozenset[ReportStatus]] = {
    S.RECEIVED: frozenset({S.ACKNOWLEDGED, S.IN_PROGRESS, S.NEED_INFO, *_CLOSING}),
    S.REFERRED: frozenset({S.ACKNOWLEDGED, S.IN_PROGRESS, S.NEED_INFO, *_CLOSING}),
    S.ACKNOWLEDGED: frozenset({S.IN_PROGRESS, S.NEED_INFO, *_CLOSING}),
    S.IN_PROGRESS: frozenset({S.NEED_INFO, *_CLOSING}),
    S.NEED_INFO: frozenset({S.IN_PROGRESS, *_CLOSING}),
    S.RESOLVED: frozenset(),
    S.DUPLICATE: frozenset(),
    S.REJECTED: frozenset(),
}
# The reporter's answer to an officer's question takes the report back to where it was before the question
# (acknowledged when it was asked before anyone had acknowledged it). Officers cannot acknowledge a report
# that waits for an answer: the one who asked has it already.
# A reporter's message right after their answer adds to it and leaves the report where it is.
ANSWER_STATUS_CHANGES: dict[ReportStatus, frozenset[ReportStatus]] = {
    S.NEED_INFO: frozenset({S.ACKNOWLEDGED, S.IN_PROGRESS}),
    S.ACKNOWLEDGED: frozenset({S.ACKNOWLEDGED}),
    S.IN_PROGRESS: frozenset({S.IN_PROGRESS}),
}


# An officer reopens a report closed by a decision that did not hold (the reason is required), to be worked on again.
# A duplicate stays one: its residents follow the report kept (storage.witnesses.join_duplicate).
REOPEN_STATUS_CHANGES: dict[ReportStatus, frozenset[ReportStatus]] = {
    S.RESOLVED: frozenset({S.IN_PROGRESS}),
    S.REJECTED: frozenset({S.IN_PROGRESS}),
}


class StatusChangeNotAllowed(Exception):
    """A change the table does not allow; nothing was changed."""

    def __init__(self, from_status: ReportStatus, to_status: ReportStatus) -> None:
        super().__init__(f"a report cannot go from {from_status} to {to_status}")
        self.from_status, self.to_status = from_status, to_status


def check_status_change(from_status: ReportStatus, to_status: ReportStatus,
                        kind: EventKind = EventKind.STATUS) -> None:
    """Raises StatusChangeNotAllowed unless the table allows the change: the reporter's answer (`kind` REPLY) and a
    reopening (REOPEN) by their own tables, every other change by ALLOWED_STATUS_CHANGES."""
    table = {EventKind.REPLY: ANSWER_STATUS_CHANGES, EventKind.REOPEN: REOPEN_STATUS_CHANGES}.get(
        kind, ALLOWED_STATUS_CHANGES)
    if to_status not in table.get(from_status, frozenset()):
        raise StatusChangeNotAllowed(from_status, to_status)
