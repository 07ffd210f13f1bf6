"""`lapor outbox`: the messages the bot starts on its own, how each went, and sending a failed one again."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cli.common import fail, print_rows, read_settings, with_db
from storage import db as database
from storage.models import LARGEST_ROW_ID, Contact, OutboxState, Report, utcnow
from storage.outbox import list_outbox
from storage.outbox import retry as retry_row

outbox_app = typer.Typer(help="The outbox: messages the bot starts on its own, and how each went.",
                         no_args_is_help=True)


@outbox_app.command("list")
def outbox_list(
    state: Annotated[OutboxState | None, typer.Option(help="Only rows in this state.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the newest outbox rows (200 at most): what was sent, what waits, what failed and why.

    Recipients are shown by channel only: their addresses stay encrypted.
    """
    settings = read_settings()
    database.upgrade(settings.effective_database_url)

    async def rows(db: AsyncSession) -> list[dict[str, object]]:
        listed = []
        for row in await list_outbox(db, state):
            contact = await db.get(Contact, row.contact_id)
            report = await db.get(Report, row.report_id) if row.report_id else None
            listed.append({
                "id": row.id, "kind": row.kind, "state": row.state.value,
                "channel": contact.channel if contact else None, "ref": report.ref if report else None,
                "attempts": row.attempts, "last_error": row.last_error,
                "created_at": row.created_at.isoformat(), "sent_at": row.sent_at.isoformat() if row.sent_at else None,
            })
        return listed

    found = asyncio.run(with_db(settings, rows))
    print_rows(found, as_json, lambda row: f"{row['id']:>6}  {row['kind']:<14} {row['state']:<14} "
               f"{row['channel'] or '-':<9} {row['ref'] or '':<13} {row['attempts']:>2}  {row['last_error'] or ''}")


@outbox_app.command("retry")
def outbox_retry(row_id: Annotated[int, typer.Argument(help="The id from `lapor outbox list`.", min=1,
                                                        max=LARGEST_ROW_ID)]) -> None:
    """Send a failed row again, from its first attempt, on the running service's next round."""
    settings = read_settings()
    database.upgrade(settings.effective_database_url)
    if not asyncio.run(with_db(settings, lambda db: retry_row(db, row_id, utcnow()))):
        fail(f"no failed outbox row {row_id}")
    typer.echo(f"outbox row {row_id} will be sent again")
