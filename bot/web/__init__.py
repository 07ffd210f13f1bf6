"""The station's web page: routes, templates and the scripts and styles it serves itself."""

from __future__ import annotations

import xstatic.pkg.leaflet
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from bot.web import auth, pages
from bot.web.render import STATIC


def routes() -> list[BaseRoute]:
    """The page's routes, for the service's app; Leaflet comes from its package, installed with Lapor."""
    return [
        Route("/", pages.home),
        Route("/laporan", pages.reports),
        Route("/laporan.csv", pages.reports_csv),
        Route("/laporan/{ref}", pages.report),
        Route("/laporan/{ref}", pages.report_action, methods=["POST"]),
        Route("/laporan/{ref}/foto/{number}", pages.report_photo),
        Route("/peta", pages.map_page),
        Route("/patroli", pages.patrol_page),
        Route("/patroli", pages.patrol_post, methods=["POST"]),
        Route("/masuk/{token}", auth.sign_in_page),
        Route("/masuk/{token}", auth.sign_in, methods=["POST"]),
        Route("/keluar", auth.sign_out_page, methods=["POST"]),
        Route("/bahasa/{lang}", pages.switch_language),
        Mount("/static/leaflet", OwnFiles(directory=xstatic.pkg.leaflet.BASE_DIR), name="leaflet"),
        Mount("/static", OwnFiles(directory=STATIC), name="static"),
    ]


class OwnFiles(StaticFiles):
    """The page's scripts, styles and images, each only as what its name says it is: a browser that guessed
    otherwise could run a file as a script."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response
