"""The station's web page: routes, templates and the scripts and styles it serves itself."""

from __future__ import annotations

import xstatic.pkg.leaflet
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

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
        Mount("/static/leaflet", StaticFiles(directory=xstatic.pkg.leaflet.BASE_DIR), name="leaflet"),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
