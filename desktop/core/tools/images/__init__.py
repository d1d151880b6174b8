"""The `generate_image` tool: a prompt to an image server, the answer checked and saved.

The tool talks to a backend through the `ImageGenerator` interface (`generator.py`),
which the remote images adapter in `core.providers` meets without either package
importing the other; the run engine's toolbox connects them.
"""

from desktop.core.tools.images.check import FORMATS, MAX_PIXELS, CheckedImage, check_image
from desktop.core.tools.images.generator import GeneratedImage, ImageGenerator
from desktop.core.tools.images.tool import NAME, ImageGenerationTool

__all__ = [
    "FORMATS",
    "MAX_PIXELS",
    "NAME",
    "CheckedImage",
    "GeneratedImage",
    "ImageGenerationTool",
    "ImageGenerator",
    "check_image",
]
