"""The `lapor` command line (also `python -m bot`): its command groups, one module each, under one app that
refuses a configuration that cannot serve in one clear line."""

from __future__ import annotations

from typing import Any

import typer
from pydantic import ValidationError
from typer.core import TyperGroup

from bot.cli import deploy, digest, outbox, reports, service, stations
from bot.cli.common import fail
from storage.db import MigrationBusy
from storage.keys import WrongSecretKey


class _RefusingBadSettings(TyperGroup):
    """The commands, with a configuration or a key that cannot serve refused in one clear line and exit 1."""

    def invoke(self, ctx: Any) -> Any:  # a click Context, which typer vendors privately
        try:
            return super().invoke(ctx)
        except ValidationError as error:  # its own text would show the value, a key perhaps: names and reasons
            fail("\n".join(f"{'.'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in error.errors()))
        except (WrongSecretKey, MigrationBusy) as error:
            fail(str(error))


app = typer.Typer(cls=_RefusingBadSettings, help="Lapor: residents report incidents to their local police station.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
for command in (service.run, service.serve, service.chat, stations.route):
    app.command()(command)
app.add_typer(service.db_app, name="db")
app.add_typer(reports.reports_app, name="reports")
app.add_typer(stations.stations_app, name="stations")
app.add_typer(stations.officers_app, name="officers")
app.add_typer(digest.digest_app, name="digest")
app.add_typer(outbox.outbox_app, name="outbox")
app.add_typer(deploy.regions_app, name="regions")
