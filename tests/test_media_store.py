"""Photos as they are stored: decoded as the type their bytes claim, never past a size in pixels, and
written again from their pixels so that nothing the camera recorded about the reporter stays."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from storage.media import MAX_PHOTO_PIXELS, MediaRejected, MediaStore
from tests.helpers import photo

GPS = {ExifTags.GPS.GPSLatitudeRef: "S", ExifTags.GPS.GPSLatitude: (8.0, 5.0, 53.88),
       ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (112.0, 10.0, 5.16)}


def exif_with_gps_and_time(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.DateTime] = "2026:11:30 21:47:13"
    exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(GPS)
    return exif


def png_declaring(width: int, height: int) -> bytes:
    """A small PNG file whose header declares `width` x `height` pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(
        b"IEND", b"")


def stored(store: MediaStore, data: bytes) -> tuple[bytes, Image.Image]:
    media = store.save_photo(data)
    kept = (store.root / media.stored_name).read_bytes()
    return kept, Image.open(io.BytesIO(kept))


def test_gps_position_and_capture_time_do_not_survive(tmp_path: Path) -> None:
    original = photo("JPEG", exif=exif_with_gps_and_time().tobytes())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo), "the camera's GPS is there"
    kept, image = stored(MediaStore(tmp_path), original)
    assert image.format == "JPEG" and image.size == (32, 24)
    assert not image.getexif() and not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    for trace in (b"Exif", b"PhoneMaker", b"2026:11:30"):
        assert trace not in kept, trace


def test_orientation_is_kept_in_the_pixels_once_exif_is_gone(tmp_path: Path) -> None:
    sideways = photo("JPEG", size=(40, 20), exif=exif_with_gps_and_time(orientation=6).tobytes())
    _kept, image = stored(MediaStore(tmp_path), sideways)
    assert image.size == (20, 40), "turned as the camera said, so the photo is not shown on its side"


def test_each_photo_kept_is_a_file_of_its_own_that_no_copy_of_it_can_find(tmp_path: Path) -> None:
    """One picture sent with a named report and with an anonymous one: two files, two hashes, nothing alike."""
    store = MediaStore(tmp_path)
    original = photo("PNG", exif=exif_with_gps_and_time().tobytes())
    media, again = store.save_photo(original), store.save_photo(original)
    kept = (tmp_path / media.stored_name).read_bytes()
    assert kept != original and kept == (tmp_path / again.stored_name).read_bytes()
    assert media.stored_name != again.stored_name and media.sha256 != again.sha256
    assert hashlib.sha256(kept).hexdigest() not in (media.sha256, media.stored_name.removesuffix(".png"))
    token = media.stored_name.removesuffix(".png")
    assert media.sha256 == hashlib.sha256(token.encode() + kept).hexdigest(), "what the file holds, under its name"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([media.stored_name, again.stored_name])


@pytest.mark.parametrize(("image_format", "content_type"), [("JPEG", "image/jpeg"), ("PNG", "image/png"),
                                                            ("GIF", "image/gif"), ("WEBP", "image/webp")])
def test_each_accepted_type_is_stored_as_itself(tmp_path: Path, image_format: str, content_type: str) -> None:
    media = MediaStore(tmp_path).save_photo(photo(image_format, shade=60))
    assert media.content_type == content_type
    assert Image.open(tmp_path / media.stored_name).format == image_format


def test_an_animation_keeps_its_first_frame(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (16, 16), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0,
                   comment=b"taken at Jl. Merdeka 12")
    _kept, image = stored(MediaStore(tmp_path), out.getvalue())
    assert getattr(image, "n_frames", 1) == 1
    assert image.convert("RGB").getpixel((0, 0)) == (255, 0, 0)
    assert "comment" not in image.info


@pytest.mark.parametrize("data", [
    b"\xff\xd8\xff\xe0" + b"<html><script>alert(document.cookie)</script></html>",  # a JPEG header, then a page
    b"\xff\xd8\xff\xe0" + b"\x01" * 2048,
    b"\x89PNG\r\n\x1a\n" + b"<svg onload=alert(1)>",
    b"GIF89a<html></html>",
    b"RIFF\x00\x00\x00\x00WEBP<html></html>",
    b"\xff\xd8\xff" + photo("PNG")[3:],  # another type's body behind this type's magic
    photo("JPEG")[:200],  # cut short
], ids=["jpeg-html", "jpeg-noise", "png-svg", "gif-html", "webp-html", "jpeg-png", "truncated"])
def test_what_only_starts_like_an_image_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(MediaRejected) as refused:
        MediaStore(tmp_path).save_photo(data)
    assert refused.value.reason == "not_image"
    assert not tmp_path.exists() or not any(tmp_path.iterdir()), "nothing kept"


def test_a_real_jpeg_with_a_page_appended_is_kept_without_it(tmp_path: Path) -> None:
    kept, image = stored(MediaStore(tmp_path), photo("JPEG") + b"<html><script>alert(1)</script></html>")
    assert image.format == "JPEG" and b"<script>" not in kept


@pytest.mark.parametrize(("width", "height"), [(8_000, 8_000), (100_000, 100_000), (MAX_PHOTO_PIXELS + 1, 1)])
def test_a_decompression_bomb_is_refused_from_its_header(tmp_path: Path, width: int, height: int) -> None:
    bomb = png_declaring(width, height)
    assert len(bomb) < 200, "a small file"
    with pytest.raises(MediaRejected) as refused:
        MediaStore(tmp_path).save_photo(bomb)
    assert refused.value.reason == "too_many_pixels"


def test_a_photo_at_the_pixel_cap_is_decoded(tmp_path: Path) -> None:
    assert MediaStore(tmp_path).save_photo(photo("PNG", size=(2_000, 1_500))).content_type == "image/png"
