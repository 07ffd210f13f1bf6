"""B1's ceiling: a WhatsApp webhook on the same stack as `lapor serve` (Starlette under uvicorn, one worker,
the same settings) that checks Twilio's signature as the product does and answers with empty TwiML, doing
nothing else. It is not one of the product's routes.

    python -m benchmarks.bare_webhook PORT    (settings from the environment, as `lapor serve` reads them)
"""

from __future__ import annotations

import sys

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.app import SERVER_OPTIONS, signed_form, whatsapp_from
from bot.config import Settings


async def empty_answer(request: Request) -> Response:
    form = await signed_form(request)
    if isinstance(form, Response):
        return form
    return Response(request.app.state.whatsapp.twiml([]), media_type="application/xml")


async def healthz(_request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def create_bare_app(settings: Settings) -> Starlette:
    app = Starlette(routes=[Route("/whatsapp/webhook", empty_answer, methods=["POST"]), Route("/healthz", healthz)])
    app.state.settings, app.state.whatsapp = settings, whatsapp_from(settings)
    return app


if __name__ == "__main__":
    uvicorn.Server(uvicorn.Config(create_bare_app(Settings()), host="127.0.0.1", port=int(sys.argv[1]),
                                  **SERVER_OPTIONS)).run()
