"""Make the exemplar lecture's video (topic 2.2, ABC analysis) from its source text.

    .venv/bin/python scripts/make_demo_video.py

Reads course/demo_media/abc_analysis_video.json (each slide's heading, key points and captions in
Kazakh and Russian), draws one 1280x720 slide per entry with Pillow (Kazakh heading above, Russian
below), joins them with ffmpeg into a silent WebM (VP9) and writes the WebVTT captions in kk and
ru, one cue per caption line, each slide's time shared evenly by its captions.

WebM and not MP4: the open-source Chromium the browser tests use (and some Linux browsers in
schools) has no H.264 decoder, while VP9 WebM plays in Chrome, Firefox, Edge and Safari 14.1+.

Needs ffmpeg on the PATH (Debian: `apt-get install -y ffmpeg`). The output is committed, so the
site and its tests never need ffmpeg; run this again only after changing the JSON.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
MEDIA = ROOT / "course" / "demo_media"
SOURCE = MEDIA / "abc_analysis_video.json"
VIDEO = MEDIA / "abc-analysis-demo.webm"
LANGUAGES = ("kk", "ru")
SIZE = (1280, 720)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# Dark blue on white with a teal band: readable on a projector and a phone.
INK, PAPER, BAND, MUTED = "#17324d", "#ffffff", "#0f6e6e", "#4a5a6a"


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / name), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def draw_slide(slide: dict, number: int, total: int) -> Image.Image:
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    heading, sub, point, small = (
        _font("DejaVuSans-Bold.ttf", 50),
        _font("DejaVuSans.ttf", 34),
        _font("DejaVuSans.ttf", 30),
        _font("DejaVuSans.ttf", 22),
    )
    draw.rectangle((0, 0, SIZE[0], 18), fill=BAND)
    y = 60
    for line in _wrap(draw, slide["heading"]["kk"], heading, 1160):
        draw.text((60, y), line, font=heading, fill=INK)
        y += 62
    if slide["heading"]["ru"] != slide["heading"]["kk"]:
        draw.text((60, y), slide["heading"]["ru"], font=sub, fill=MUTED)
        y += 50
    y += 20
    for language, colour in (("kk", INK), ("ru", MUTED)):
        for text in slide["points"][language]:
            for i, line in enumerate(_wrap(draw, text, point, 1100)):
                if i == 0:
                    draw.ellipse((62, y + 12, 76, y + 26), fill=BAND if language == "kk" else MUTED)
                draw.text((96, y), line, font=point, fill=colour)
                y += 40
        y += 18
    footer = f"Демо / Demo · 2.2 ABC · {number}/{total}"
    draw.text((60, SIZE[1] - 50), footer, font=small, fill=MUTED)
    return image


def _timestamp(seconds: float) -> str:
    ms = round(seconds * 1000)
    hours, minutes, secs = ms // 3_600_000, ms // 60_000 % 60, ms // 1000 % 60
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{ms % 1000:03d}"


def webvtt(slides: list[dict], language: str, seconds: int) -> str:
    """One cue per caption; a slide's captions share its time evenly."""
    cues = ["WEBVTT", ""]
    for index, slide in enumerate(slides):
        captions = slide["captions"][language]
        step = seconds / len(captions)
        for j, text in enumerate(captions):
            start = index * seconds + j * step
            cues += [f"{_timestamp(start)} --> {_timestamp(start + step)}", text, ""]
    return "\n".join(cues)


def main() -> int:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        print("ffmpeg is not installed (Debian: apt-get install -y ffmpeg)", file=sys.stderr)
        return 1
    source = json.loads(SOURCE.read_text(encoding="utf-8"))
    slides, seconds = source["slides"], source["seconds_per_slide"]
    with tempfile.TemporaryDirectory() as tmp:
        listing = []
        for number, slide in enumerate(slides, start=1):
            path = Path(tmp) / f"slide-{number:02d}.png"
            draw_slide(slide, number, len(slides)).save(path)
            listing += [f"file '{path}'", f"duration {seconds}"]
        # The concat demuxer needs the last picture named again to hold it for its duration.
        listing.append(f"file '{path}'")
        concat = Path(tmp) / "slides.txt"
        concat.write_text("\n".join(listing) + "\n", encoding="utf-8")
        subprocess.run(
            [ffmpeg, "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", str(concat),
             "-vf", "fps=5,format=yuv420p", "-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "40",
             "-row-mt", "1", "-deadline", "good", "-an", str(VIDEO)],
            check=True,
        )  # fmt: skip
    for language in LANGUAGES:
        (MEDIA / f"abc-analysis-demo.{language}.vtt").write_text(
            webvtt(slides, language, seconds), encoding="utf-8"
        )
    print(f"{VIDEO.relative_to(ROOT)}: {VIDEO.stat().st_size} bytes, {len(slides) * seconds} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
